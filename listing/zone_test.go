package listing_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/refeed/refeed/listing"
)

// TestItemsInZone: dates a listing writes without a zone are read in the
// site's zone; a <time datetime> with its zone is read as written.
func TestItemsInZone(t *testing.T) {
	page := `<html><body><main>
<div class="card"><h3><a href="/news/1001/budget-vote">البرلمان يصوت على قانون الموازنة العامة</a></h3><span>2026/11/28 - 10:15</span></div>
<div class="card"><h3><a href="/news/1002/new-bridge">افتتاح جسر جديد في الموصل بعد سنوات</a></h3><time datetime="2026-11-28T09:00:00+03:00">اليوم</time></div>
<div class="card"><h3><a href="/news/1003/exam-dates">وزارة التربية تعلن موعد الامتحانات النهائية</a></h3><time datetime="2026-11-28T08:30:00">اليوم</time></div>
</main></body></html>`
	u, _ := url.Parse("https://news.example/")
	baghdad := time.FixedZone("Baghdad", 3*60*60)
	want := map[string]time.Time{
		"https://news.example/news/1001/budget-vote": time.Date(2026, 11, 28, 7, 15, 0, 0, time.UTC),
		"https://news.example/news/1002/new-bridge":  time.Date(2026, 11, 28, 6, 0, 0, 0, time.UTC),
		"https://news.example/news/1003/exam-dates":  time.Date(2026, 11, 28, 5, 30, 0, 0, time.UTC),
	}
	items, err := listing.ItemsIn(strings.NewReader(page), u, nil, 0, baghdad)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != len(want) {
		t.Fatalf("%d items, want %d: %+v", len(items), len(want), items)
	}
	for _, it := range items {
		if w, ok := want[it.URL]; !ok || !it.Published.Equal(w) {
			t.Errorf("%s published %v, want %v", it.URL, it.Published, w)
		}
	}
}
