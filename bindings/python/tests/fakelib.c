/* A library that says it is libmarketgraph 1.0.0: the bindings must refuse it
 * (their major version is 0).  Loaded by test_errors.py.
 * SPDX-License-Identifier: MIT */
int mkg_version_number(void);

int
mkg_version_number(void)
{
	return 10000;
}
