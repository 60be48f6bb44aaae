"""System tests: each test_*.py module here boots the real kernel in QEMU
(tests/qemu.py) and registers its tests with harness.test."""
