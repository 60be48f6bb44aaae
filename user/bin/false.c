/* false: exits with status 1, ignoring its arguments. */
int main(void)
{
	return 1;
}
