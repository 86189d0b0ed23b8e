package feeds

import "github.com/refeed/refeed/internal/textkit"

// NormalizeTitle folds a headline to the form used to detect the same story
// published by several sources (textkit.FoldPhrase; GUIDs depend on it, so
// its output must not change). It lower-cases, maps Arabic-Indic, Extended
// Arabic-Indic and fullwidth digits to ASCII, and for Arabic
// script strips diacritics (harakat, tanween, shadda, sukun, superscript
// alef, Quranic marks) and tatweel, unifies the alef forms (أ إ آ ٱ → ا),
// yaa forms (ى ی ئ → ي), taa marbuta (ة → ه), hamza on waw (ؤ → و), kaf
// (ک → ك), and drops punctuation and symbols, collapsing whitespace.
func NormalizeTitle(s string) string { return textkit.FoldPhrase(s) }
