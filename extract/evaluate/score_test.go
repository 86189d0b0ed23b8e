package evaluate

import (
	"math"
	"slices"
	"testing"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Hello, world!", []string{"Hello", "world"}},
		{"snake_case 42x", []string{"snake_case", "42x"}},
		{"بيان مشترك، للوزارتين.", []string{"بيان", "مشترك", "للوزارتين"}},
		// Combining marks are not word characters in Python's \w.
		{"عُد", []string{"ع", "د"}},
		{"١٩٩١ U.S.", []string{"١٩٩١", "U", "S"}},
	}
	for _, tt := range tests {
		if got := Tokens(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestCompare(t *testing.T) {
	tests := []struct {
		name        string
		pred, truth string
		want        Counts
	}{
		{"identical", "a b c d e", "a b c d e", Counts{TP: 1}},
		{"both empty", "", "", Counts{}},
		{"empty prediction", "", "a b c d", Counts{FN: 1}},
		{"empty truth", "a b c d", "", Counts{FP: 1}},
		{"short shingle", "a b", "a b", Counts{TP: 1}},
		// pred shingles: abcd bcde; truth: abcd → TP 1, FP 1, FN 0.
		{"surplus", "a b c d e", "a b c d", Counts{TP: 0.5, FP: 0.5}},
		// multiset: pred has "a b c d" twice, truth once.
		{"multiset", "a b c d a b c d", "a b c d", Counts{TP: 1.0 / 5, FP: 4.0 / 5}},
		{"case kept", "A b c d", "a b c d", Counts{FP: 0.5, FN: 0.5}},
	}
	for _, tt := range tests {
		got := Compare(tt.pred, tt.truth)
		if !near(got.TP, tt.want.TP) || !near(got.FP, tt.want.FP) || !near(got.FN, tt.want.FN) {
			t.Errorf("%s: Compare = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestAggregate(t *testing.T) {
	pages := []Counts{
		{TP: 1},             // p=1 r=1
		{TP: 0.5, FP: 0.5},  // p=.5 r=1
		{FN: 1},             // empty prediction: recall only, r=0
		{},                  // nothing on either side: ignored
		{TP: 0.25, FN: .75}, // p=1 r=.25
	}
	p, r, f := Aggregate(pages)
	wantP := (1 + 0.5 + 1) / 3.0
	wantR := (1 + 1 + 0 + 0.25) / 4.0
	wantF := 2 * wantP * wantR / (wantP + wantR)
	if !near(p, wantP) || !near(r, wantR) || !near(f, wantF) {
		t.Errorf("Aggregate = %v %v %v, want %v %v %v", p, r, f, wantP, wantR, wantF)
	}
	if p, r, f := Aggregate(nil); p != 0 || r != 0 || f != 0 {
		t.Errorf("Aggregate(nil) = %v %v %v, want zeros", p, r, f)
	}
}

func TestExact(t *testing.T) {
	if !Exact("Hello,  world", "Hello world!") {
		t.Error("punctuation and spacing must not matter")
	}
	if Exact("Hello world", "hello world") {
		t.Error("case must matter")
	}
}

func TestCompareWords(t *testing.T) {
	tests := []struct {
		pred, truth string
		p, r        float64
	}{
		{"", "a b", 0, 0},
		{"a b", "", 0, 0},
		{"", "", 1, 1},
		{"The cat, the CAT!", "the cat sat", 2.0 / 4, 2.0 / 3},
		{"x y", "a b", 0, 0},
		{"كتب الوزير", "كتب الوزير بيانا", 1, 2.0 / 3},
	}
	for _, tt := range tests {
		got := CompareWords(tt.pred, tt.truth)
		f1 := 0.0
		if tt.p+tt.r > 0 {
			f1 = 2 * tt.p * tt.r / (tt.p + tt.r)
		}
		if !near(got.Precision, tt.p) || !near(got.Recall, tt.r) || !near(got.F1, f1) {
			t.Errorf("CompareWords(%q, %q) = %+v, want P=%v R=%v F1=%v", tt.pred, tt.truth, got, tt.p, tt.r, f1)
		}
	}
}

func TestSnippetShare(t *testing.T) {
	if got := SnippetShare("Hello World", []string{"hello", "world", "moon", "sun"}); !near(got, 0.5) {
		t.Errorf("SnippetShare = %v, want 0.5", got)
	}
	if got := SnippetShare("", nil); got != 1 {
		t.Errorf("SnippetShare without snippets = %v, want 1", got)
	}
	if got := SnippetsFound("Over the Moon", []string{"the moon", "MOON", "sun", "over  the"}); got != 2 {
		t.Errorf("SnippetsFound = %d, want 2 (lower-cased substrings, spaces kept)", got)
	}
}
