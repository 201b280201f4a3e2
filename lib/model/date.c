/* marketgraph: the dates of the format (YYYY, YYYY-MM, YYYY-MM-DD).
 * SPDX-License-Identifier: MIT */
#include "model-private.h"

#include <string.h>

static bool
parse_digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

static int
days_in_month(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return month == 2 && leap ? 29 : days[month - 1];
}

bool
mkg__date_parse(const char *s, int32_t *first_day, int32_t *last_day)
{
	int year, month = 0, day = 0;
	size_t len;

	if (s == NULL)
		return false;
	len = strlen(s);
	if ((len != 4 && len != 7 && len != 10) || !parse_digits(s, 4, &year))
		return false;
	if (len >= 7 && (s[4] != '-' || !parse_digits(s + 5, 2, &month) || month < 1 || month > 12))
		return false;
	if (len == 10 && (s[7] != '-' || !parse_digits(s + 8, 2, &day) || day < 1 ||
	                  day > days_in_month(year, month)))
		return false;
	if (len == 4) {
		*first_day = year * 10000 + 101;
		*last_day = year * 10000 + 1231;
	} else if (len == 7) {
		*first_day = year * 10000 + month * 100 + 1;
		*last_day = year * 10000 + month * 100 + days_in_month(year, month);
	} else {
		*first_day = *last_day = year * 10000 + month * 100 + day;
	}
	return true;
}
