package feeds_test

import (
	"strings"
	"testing"

	"github.com/refeed/refeed/feeds"
)

func TestItemIDStable(t *testing.T) {
	base := feeds.ItemID("https://example.com/news/1", "guid-1", "Old title", "source-a")
	tests := []struct {
		name                     string
		url, guid, title, source string
		same                     bool
	}{
		{"title edited", "https://example.com/news/1", "guid-1", "New title", "source-a", true},
		{"moved to another source", "https://example.com/news/1", "other-guid", "Old title", "source-b", true},
		{"http to https, www added", "http://www.example.com/news/1", "guid-1", "Old title", "source-a", true},
		{"different article", "https://example.com/news/2", "guid-1", "Old title", "source-a", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := feeds.ItemID(tt.url, tt.guid, tt.title, tt.source)
			if (got == base) != tt.same {
				t.Errorf("ItemID = %q, base %q, want same=%v", got, base, tt.same)
			}
		})
	}
}

func TestItemIDFallbacks(t *testing.T) {
	tests := []struct {
		name string
		a, b [4]string // url, guid, title, source
		same bool
	}{
		{"guid ignores title edits", [4]string{"", "42", "A", "s1"}, [4]string{"", "42", "B", "s1"}, true},
		{"plain guid scoped by source", [4]string{"", "42", "A", "s1"}, [4]string{"", "42", "A", "s2"}, false},
		{"uri guid is global", [4]string{"", "urn:uuid:1-2", "A", "s1"}, [4]string{"", "urn:uuid:1-2", "B", "s2"}, true},
		{"title fallback normalises arabic", [4]string{"", "", "أخبار اليوم", "s1"}, [4]string{"", "", "اخبار اليوم", "s1"}, true},
		{"title fallback scoped by source", [4]string{"", "", "Same", "s1"}, [4]string{"", "", "Same", "s2"}, false},
		{"url beats guid", [4]string{"https://e.com/1", "42", "A", "s1"}, [4]string{"", "42", "A", "s1"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := feeds.ItemID(tt.a[0], tt.a[1], tt.a[2], tt.a[3])
			b := feeds.ItemID(tt.b[0], tt.b[1], tt.b[2], tt.b[3])
			if (a == b) != tt.same {
				t.Errorf("ids %q and %q: want same=%v", a, b, tt.same)
			}
			if !strings.HasPrefix(a, "urn:refeed:") {
				t.Errorf("id %q is not a refeed URN", a)
			}
		})
	}
}

func TestContentHash(t *testing.T) {
	it := newItem("s", "https://example.com/1", "Title")
	it.Summary = "<p>x</p>"
	h := feeds.ContentHash(it)
	dated := it
	dated.Published = day(1, 1)
	if feeds.ContentHash(dated) != h {
		t.Error("a date change changed the hash")
	}
	edited := it
	edited.Summary = "<p>y</p>"
	if feeds.ContentHash(edited) == h {
		t.Error("a summary edit did not change the hash")
	}
	// Field boundaries matter: moving text between fields is a change.
	a, b := it, it
	a.Title, a.Summary = "ab", "c"
	b.Title, b.Summary = "a", "bc"
	if feeds.ContentHash(a) == feeds.ContentHash(b) {
		t.Error("hash ignores field boundaries")
	}
}
