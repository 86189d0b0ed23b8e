package extract

import (
	"strings"
	"testing"
)

// TestTableFrameIsNotChrome checks that a data table in a wrapper a weak
// chrome word names ("scroll") stays in the article, and that a table in a
// block named as chrome ("sidebar") still goes.
func TestTableFrameIsNotChrome(t *testing.T) {
	story := `<p>The recipe below feeds a family for a week, and the amounts scale, as the table shows, from one person to four without any change to the method.</p>
<p>Cook the vegetables slowly in a large pot, add the stock after ten minutes, and let it simmer for an hour before you season it to your taste.</p>
<p>It keeps for five days in the fridge, and it freezes well in portions, so a double batch on Sunday saves cooking on the busy days that follow.</p>`
	table := `<table><tr><td>Ingredient</td><td>One person</td><td>Four people</td></tr><tr><td>Celery</td><td>80g</td><td>320g</td></tr><tr><td>Carrots</td><td>4</td><td>16</td></tr><tr><td>Garlic cloves</td><td>6</td><td>16</td></tr></table>`
	cases := []struct {
		name, class string
		want        bool
	}{
		{"a frame named by a weak word", "scrollable-table", true},
		{"a box named as chrome", "sidebar-box", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			page := `<html><body><nav><a href="/">Home</a></nav><article><h1>Vegetable soup for the week</h1>` + story +
				`<div class="` + tc.class + `"><div class="` + tc.class + `">` + table + `</div></div><p>Serve it with bread, and a little grated cheese on top if you like it richer than the plain soup, which is how children tend to prefer it.</p></article></body></html>`
			got := extractText(t, []byte(page), "https://example.com/recipes/soup")
			if has := strings.Contains(got, "Garlic cloves"); has != tc.want {
				t.Errorf("table kept = %v, want %v:\n%s", has, tc.want, got)
			}
			if !strings.Contains(got, "Serve it with bread") {
				t.Errorf("the story lost its last paragraph:\n%s", got)
			}
		})
	}
}
