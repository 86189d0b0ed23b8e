package evaluate

import "strings"

// WordScore is one page's word-level precision, recall and F1, the metric
// of the WCXB benchmark's evaluate.py: lower-cased runs of word characters
// compared as multisets.
type WordScore struct {
	Precision, Recall, F1 float64
}

// CompareWords scores a predicted text against the true text of one page
// by word overlap. An empty prediction scores zero.
func CompareWords(pred, truth string) WordScore {
	p := Tokens(strings.ToLower(pred))
	t := Tokens(strings.ToLower(truth))
	if len(p) == 0 || len(t) == 0 {
		if len(p) == 0 && len(t) == 0 {
			return WordScore{1, 1, 1}
		}
		return WordScore{}
	}
	want := make(map[string]int, len(t))
	for _, w := range t {
		want[w]++
	}
	overlap := 0
	for _, w := range p {
		if want[w] > 0 {
			want[w]--
			overlap++
		}
	}
	if overlap == 0 {
		return WordScore{}
	}
	prec := float64(overlap) / float64(len(p))
	rec := float64(overlap) / float64(len(t))
	return WordScore{prec, rec, 2 * prec * rec / (prec + rec)}
}

// SnippetShare is the share of snippets found, lower-cased, in text; no
// snippets count as 1.
func SnippetShare(text string, snippets []string) float64 {
	if len(snippets) == 0 {
		return 1
	}
	return float64(SnippetsFound(text, snippets)) / float64(len(snippets))
}

// SnippetsFound is how many of the snippets occur, lower-cased, in text.
func SnippetsFound(text string, snippets []string) int {
	text = strings.ToLower(text)
	n := 0
	for _, s := range snippets {
		if strings.Contains(text, strings.ToLower(s)) {
			n++
		}
	}
	return n
}
