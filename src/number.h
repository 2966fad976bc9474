/* number.h - read a typed number in digits or words, with its unit */
#ifndef RECALL_NUMBER_H
#define RECALL_NUMBER_H

#include <stdbool.h>
#include <stddef.h>

enum { NUMBER_UNIT_MAX = 48 };

typedef struct {
	double value;
	bool percent;       /* 5%, 5 percent, 5 per cent */
	bool ordinal;       /* 3rd, third, twenty-first */
	bool in_words;      /* at least part of it was written in words */
	bool qualified;     /* a hedge came first: about, over, nearly, some ... */
	/* What was counted or measured: a currency written before the number
	 * ("$", "€") or the words after it ("km", "feet tall"), folded, one space
	 * apart, starting with "%" for a percentage; "" when there is none. */
	char unit[NUMBER_UNIT_MAX];
} number_value;

/* Reads `s` (len bytes of UTF-8, any case) as one number:
 *   2000 | 2,000 | 2 000 | -3.5 | .5 | 1,234.56 | 2k | 2.5bn | $3m | 1.5 million |
 *   two thousand and nineteen | twenty-five | a hundred | two dozen | 3rd |
 *   twenty-first | a third | seven-eighths | half | 5% | 5 per cent |
 *   about 40 km | over $40 million | 22,000 objects
 * Thousands separators must group by three ("2,00" is not a number) and the
 * decimal mark is ".". Returns false when the text is not one number: words
 * that do not make a number, or a second number (a range such as "8-15" or
 * "5 to 6", or "13 years and 48 days"), or text longer than 255 bytes
 * once folded. A bracket that restates the number in other units is
 * ignored: "187 feet (57 m)". */
bool number_parse(const char *s, size_t len, number_value *out);

typedef enum {
	NUMBER_UNIT_SAME,       /* the typed unit is the bank's, by name or alias */
	NUMBER_UNIT_ABSENT,     /* nothing typed, or the bank names no unit */
	NUMBER_UNIT_DIFFERENT,  /* a unit, and not the bank's */
} number_unit_match;

/* Compares the unit typed (number_value.unit) with the bank's `unit` (NULL
 * or "" for none). Units match through a table of names and abbreviations
 * (km = kilometres, $ = USD = dollars, % = percent, ...), plurals aside;
 * words after the unit are ignored ("km long"). */
number_unit_match number_unit_compare(const char *bank_unit, const char *typed_unit);

/* True when the unit table knows the unit ("km", "nautical miles"). */
bool number_unit_known(const char *unit);

/* True when the unit names a currency ("US dollars", "€", "yen"). */
bool number_unit_is_money(const char *unit);

#endif
