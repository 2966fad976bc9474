/* names.c - people's names: family names written first, the words of a name, names in ASCII */
#include "names.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util.h"

/* Family names written first by convention (Chinese, Korean, Vietnamese,
 * and Japanese names of historical figures), in ASCII lower case. */
static const char *const surnames_first[] = {
	"wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun",
	"ma", "zhu", "hu", "guo", "lin", "luo", "gao", "zheng", "liang", "xie", "song",
	"tang", "han", "feng", "deng", "cao", "peng", "zeng", "xiao", "tian", "dong", "pan",
	"yuan", "cai", "jiang", "yu", "du", "ye", "cheng", "wei", "su", "lu", "ding", "ren",
	"yao", "shen", "zhong", "cui", "tan", "fan", "liao", "shi", "jin", "jia", "xia", "fu",
	"fang", "zou", "xiong", "bai", "meng", "qin", "qiu", "hou", "yin", "xue", "yan", "duan",
	"lei", "shao", "mao", "wan", "gu", "lai", "kong", "qian", "xi", "hao", "wen",
	"bo", "kim", "lee", "yi", "park", "pak", "choi", "jung", "jeong", "kang", "cho",
	"yoon", "yun", "jang", "lim", "shin", "seo", "kwon", "hwang", "ahn", "yoo", "hong",
	"jeon", "ko", "moon", "bae", "baek", "heo", "nam", "sim", "noh", "ha", "kwak",
	"sung", "cha", "joo", "woo", "min", "ryu", "na", "ji", "eom", "chae", "won", "bang",
	"hyun", "ham", "byun", "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu",
	"vo", "dang", "bui", "ho", "ngo", "duong", "ly", "tokugawa", "toyotomi", "oda",
	"minamoto", "taira", "ashikaga", "konishi", "kato", "shimazu", "kuroda", "takeda",
	"uesugi", "hojo", "fujiwara", "mori", "sanada", "akechi",
};

/* The name's words, ASCII-folded and lower case ("Katō" -> "kato"). */
size_t names_words(const char *name, char words[][32], size_t max)
{
	size_t n = 0;
	utf8proc_uint8_t *folded = NULL;
	utf8proc_ssize_t len = utf8proc_map((const utf8proc_uint8_t *)name, 0, &folded,
	                                    UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
	                                        UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
	const char *src = len >= 0 ? (const char *)folded : name;
	for (const char *p = src; *p && n < max;) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		size_t k = 0;
		while (*p && *p != ' ') {
			if (k + 1 < 32)
				words[n][k++] = *p;
			p++;
		}
		words[n][k] = '\0';
		n++;
	}
	free(folded);
	return n;
}

bool names_surname_first(const char *w)
{
	for (size_t i = 0; i < sizeof surnames_first / sizeof surnames_first[0]; i++)
		if (strcmp(surnames_first[i], w) == 0)
			return true;
	return false;
}

/* Whether every word of `small` is a word of `big`, in order. */
bool names_within(const char *small, const char *big)
{
	char a[8][32], b[8][32];
	size_t na = names_words(small, a, 8), nb = names_words(big, b, 8);
	if (na < 2 || na >= nb)
		return false;
	size_t j = 0;
	for (size_t i = 0; i < na; i++) {
		while (j < nb && strcmp(a[i], b[j]) != 0)
			j++;
		if (j == nb)
			return false;
		j++;
	}
	return true;
}

/* Letters with no decomposition into a base letter and a mark. */
static const struct {
	utf8proc_int32_t cp;
	const char *ascii;
} translit[] = {
	{0x0141, "l"},  {0x0142, "l"},  {0x00D8, "o"},  {0x00F8, "o"},  {0x0110, "d"},  {0x0111, "d"},
	{0x00DF, "ss"}, {0x00C6, "ae"}, {0x00E6, "ae"}, {0x0152, "oe"}, {0x0153, "oe"},
	{0x00DE, "th"}, {0x00FE, "th"}, {0x00D0, "d"},  {0x00F0, "d"},  {0x0131, "i"},  {0x0126, "h"},
	{0x0127, "h"},  {0x0166, "t"},  {0x0167, "t"},  {0x014A, "ng"}, {0x014B, "ng"}, {0x2019, ""},
	{0x0027, ""},
};

/* `s` in ASCII lower case: accents stripped, other letters transliterated,
 * letters of other scripts written as "u" and their code point, so that no
 * word loses a part. Caller frees. */
char *names_transliterate(const char *s)
{
	utf8proc_uint8_t *folded = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &folded,
	                                  UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
	                                      UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
	const char *src = n >= 0 ? (const char *)folded : s;
	size_t len = strlen(src);
	buf out;
	buf_init(&out);
	for (size_t i = 0; i < len;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)src + i, (utf8proc_ssize_t)(len - i), &cp);
		if (k <= 0) {
			i++;
			continue;
		}
		i += (size_t)k;
		if (cp < 0x80 && cp != '\'') {
			buf_putc(&out, (char)(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp));
			continue;
		}
		bool done = false;
		for (size_t t = 0; t < sizeof translit / sizeof translit[0] && !done; t++)
			if (translit[t].cp == cp) {
				buf_puts(&out, translit[t].ascii);
				done = true;
			}
		if (done)
			continue;
		utf8proc_category_t cat = utf8proc_category(cp);
		if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO)
			buf_printf(&out, "u%x", (unsigned)cp);
		else
			buf_putc(&out, ' ');
	}
	free(folded);
	char *r = xstrndup(out.ptr ? out.ptr : "", out.len);
	buf_release(&out);
	return r;
}

