// Package textkit is the one home of the knowledge about natural-language
// text that extract, listing and feeds share: how Arabic-script letters
// and digits fold for matching, the month names (Levantine, Egyptian,
// Maghrebi, Moroccan, English and Solar Hijri), which languages and
// scripts are written right to left, the phrases that open bylines,
// title boxes of chrome or mark an update notice, and how text that was
// encoded in UTF-8 twice over (mojibake: "doesnâ€™t") is known and read
// back.
//
// Everything here is a pure function or a table read at run time; the
// tables are never written after package initialisation. Phrase tables
// are kept in folded form (see FoldPhrase), so that callers fold the text
// they match once and compare.
package textkit
