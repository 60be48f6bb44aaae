/* true: exits with status 0, ignoring its arguments (coreutils' true also
 * knows --help and --version). */
int main(void)
{
	return 0;
}
