/* anki.h - a compiled quiz as Anki's plain-text import file */
#ifndef RECALL_ANKI_H
#define RECALL_ANKI_H

#include "quiz.h"
#include "util.h"

/* Appends quiz `q` as a file Anki's File > Import reads (2.1.54 and
 * later): `#` header lines (tab separator, HTML, the note type in column
 * 1, the deck named after the bank, tags in column 4, a guid in column 5 so
 * importing again updates the notes), then a note per question. Cloze
 * questions become Cloze notes ({{c1::...}}); the rest Basic notes whose
 * front is the prompt (with the options of a choice, order or match
 * question, in an order that gives nothing away) and whose back is the
 * answer, the explanation and the source passage with the quote in bold.
 * Tags are the bank's, with the kind; spaces in a tag become '_'. */
void anki_export(const quiz *q, buf *out);

#endif
