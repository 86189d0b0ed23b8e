// Package evaluate holds the metrics the benchmarks score an extraction
// with; it is not the extractor's candidate scorer (extract's scorer
// type). Compare is the article-body metric of the scrapinghub
// article-extraction-benchmark: 4-token shingles compared as multisets,
// per-page counts rescaled to sum to one, precision averaged over pages
// with a prediction, recall over pages with ground truth, and F1 as the
// harmonic mean of the two averages. CompareWords is WCXB's word-level F1.
// Layouts, DateLayouts and TruthLayouts rewrite a corpus's pages (and, for
// TruthLayouts, their true text) into forms the corpora hold few of.
package evaluate

import (
	"strings"
	"unicode"
)

// shingleSize is the number of consecutive tokens in one shingle.
const shingleSize = 4

// Counts are the rescaled true-positive, false-positive and false-negative
// shingle counts of one page. They sum to one unless both texts are empty.
type Counts struct {
	TP, FP, FN float64
}

// Tokens splits s into maximal runs of Unicode word characters (letters,
// numbers and underscore, like Python's \w). Case is kept and everything
// else, punctuation and combining marks included, separates tokens.
func Tokens(s string) []string {
	var toks []string
	start := -1
	for i, r := range s {
		if isWord(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			toks = append(toks, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		toks = append(toks, s[start:])
	}
	return toks
}

// CountTokens is len(Tokens(s)), without building the tokens.
func CountTokens(s string) int {
	n := 0
	in := false
	for _, r := range s {
		w := isWord(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

func isWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}

// shingles returns the multiset of 4-token shingles of tokens. One to three
// tokens give a single short shingle; no tokens give none.
func shingles(tokens []string) map[string]int {
	m := make(map[string]int)
	if len(tokens) == 0 {
		return m
	}
	if len(tokens) < shingleSize {
		m[strings.Join(tokens, "\x00")]++
		return m
	}
	for i := 0; i+shingleSize <= len(tokens); i++ {
		m[strings.Join(tokens[i:i+shingleSize], "\x00")]++
	}
	return m
}

// Compare scores a predicted text against the true text of one page.
func Compare(pred, truth string) Counts {
	p := shingles(Tokens(pred))
	t := shingles(Tokens(truth))
	var tp, np, nt int
	for k, c := range p {
		np += c
		tp += min(c, t[k])
	}
	for _, c := range t {
		nt += c
	}
	total := float64(np + nt - tp)
	if total == 0 {
		return Counts{}
	}
	return Counts{
		TP: float64(tp) / total,
		FP: float64(np-tp) / total,
		FN: float64(nt-tp) / total,
	}
}

// Precision is TP/(TP+FP), or 0 when the prediction was empty.
func (c Counts) Precision() float64 {
	if c.TP+c.FP == 0 {
		return 0
	}
	return c.TP / (c.TP + c.FP)
}

// Recall is TP/(TP+FN), or 0 when there was no ground truth.
func (c Counts) Recall() float64 {
	if c.TP+c.FN == 0 {
		return 0
	}
	return c.TP / (c.TP + c.FN)
}

// F1 is the harmonic mean of the page's precision and recall.
func (c Counts) F1() float64 {
	return harmonic(c.Precision(), c.Recall())
}

// Aggregate averages precision over pages with a non-empty prediction and
// recall over pages with ground truth, and returns them with their harmonic
// mean.
func Aggregate(pages []Counts) (precision, recall, f1 float64) {
	var np, nr int
	for _, c := range pages {
		if c.TP+c.FP > 0 {
			precision += c.Precision()
			np++
		}
		if c.TP+c.FN > 0 {
			recall += c.Recall()
			nr++
		}
	}
	if np > 0 {
		precision /= float64(np)
	}
	if nr > 0 {
		recall /= float64(nr)
	}
	return precision, recall, harmonic(precision, recall)
}

// Exact reports whether the two texts have the same token sequence.
func Exact(pred, truth string) bool {
	a, b := Tokens(pred), Tokens(truth)
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func harmonic(a, b float64) float64 {
	if a+b == 0 {
		return 0
	}
	return 2 * a * b / (a + b)
}
