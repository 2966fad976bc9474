/* names.h - people's names: family names written first, the words of a name, names in ASCII */
#ifndef RECALL_NAMES_H
#define RECALL_NAMES_H

#include <stdbool.h>
#include <stddef.h>

/* The name's words, ASCII-folded and in lower case ("Katō" -> "kato"),
 * at most `max` of them, each cut at 31 bytes. */
size_t names_words(const char *name, char words[][32], size_t max);

/* Whether `folded` (a word from names_words) is a common Chinese, Korean,
 * Vietnamese or Japanese family name, written before the given name by
 * convention ("qin" of Qin Gang, "yi" of Yi Sun-sin, "toyotomi"). */
bool names_surname_first(const char *folded);

/* Whether every word of `small` (two or more) is a word of the longer
 * `big`, in order: "Marie Curie" within "Marie Skłodowska Curie". */
bool names_within(const char *small, const char *big);

/* `s` in ASCII lower case for ids: accents stripped, letters that do not
 * decompose transliterated ("ł" -> "l", "ß" -> "ss"), letters of other
 * scripts written as "u" and their code point, so no word loses a part;
 * other characters become spaces. Caller frees. */
char *names_transliterate(const char *s);

#endif
