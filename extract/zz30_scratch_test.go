package extract

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/refeed/refeed/extract/evaluate"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ZZ_DESC=1 [ZZ_BARE=1]: even pages: does the meta description sit in a paragraph of the page, inside or outside the pick; F1 by class.
func TestZZDescAnchor(t *testing.T) {
	if os.Getenv("ZZ_DESC") == "" {
		t.Skip()
	}
	dir, gt := wcxbCorpus(t)
	var ids []string
	for id := range gt {
		n, _ := strconv.Atoi(id)
		if n%2 == 0 {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	type agg struct {
		n   int
		f1  float64
		bad []string
	}
	classes := map[string]*agg{}
	for _, id := range ids {
		page := readMaybeGzip(t, filepath.Join(dir, "html", id+".html.gz"))
		if os.Getenv("ZZ_BARE") != "" {
			page = evaluate.StripHints(page)
		}
		got := extractText(t, page, gt[id].URL)
		s := evaluate.CompareWords(got, gt[id].MainContent)
		u, _ := url.Parse(gt[id].URL)
		root, _ := parse(bytes.NewReader(page))
		placeStreamedParts(findElement(root, atom.Body))
		meta := readMetadata(goquery.NewDocumentFromNode(root), u, time.UTC)
		desc := normalizePhrase(meta.Description)
		var origin []*html.Node
		byHeuristics(root, u, meta, func(o []*html.Node) { origin = o })
		class := "nodesc"
		if len(desc) >= 40 {
			key := desc[:40]
			class = "notfound"
			var walk func(n *html.Node) bool
			var hit *html.Node
			walk = func(n *html.Node) bool {
				if n.Type == html.ElementNode && (n.DataAtom == atom.P || n.DataAtom == atom.Div || n.DataAtom == atom.Li) && firstElementChild(n) == nil || n.Type == html.ElementNode && n.DataAtom == atom.P {
					if strings.Contains(normalizePhrase(nodeText(n)), key) {
						hit = n
						return true
					}
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if walk(c) {
						return true
					}
				}
				return false
			}
			walk(findElement(root, atom.Body))
			if hit != nil {
				class = "outside"
				for _, o := range origin {
					if contains(o, hit) {
						class = "inside"
					}
				}
			}
		}
		a := classes[class]
		if a == nil {
			a = &agg{}
			classes[class] = a
		}
		a.n++
		a.f1 += s.F1
		if s.F1 < 0.8 {
			a.bad = append(a.bad, id+":"+strconv.FormatFloat(s.F1, 'f', 2, 64))
		}
	}
	for k, a := range classes {
		t.Logf("%-9s n=%d meanF1=%.4f low=%v", k, a.n, a.f1/float64(a.n), a.bad)
	}
}
