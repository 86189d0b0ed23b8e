package feeds_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/refeed/refeed/feeds"
)

// TestItemJSONIsTheRowFormat pins Item's JSON, which is also the format
// store keeps items in and what refresh fingerprints feeds with (see the
// Item doc): a stored row written today must read back whole, and an item
// must encode to the same bytes. Renaming or retyping a json tag fails it.
func TestItemJSONIsTheRowFormat(t *testing.T) {
	row, err := os.ReadFile(filepath.Join("testdata", "item-row.json"))
	if err != nil {
		t.Fatal(err)
	}
	row = bytes.TrimSpace(row)
	want := feeds.Item{
		ID: "urn:sha256:0f1e", Source: "buratha", SourceGUID: "https://burathanews.com/?p=1",
		URL: "https://burathanews.com/1", Title: "بيان", Summary: "<p>ملخص</p>", Content: "<p>النص</p>",
		Text: "النص", Authors: []string{"كاتب"}, Categories: []string{"عراق"}, Image: "https://burathanews.com/1.jpg",
		Enclosures: []feeds.Enclosure{{URL: "https://burathanews.com/1.mp3", Type: "audio/mpeg", Length: 1234}},
		Lang:       "ar", Dir: "rtl",
		Published: time.Date(2024, 9, 28, 7, 15, 0, 0, time.UTC),
		Updated:   time.Date(2024, 9, 28, 8, 0, 0, 0, time.UTC),
		FirstSeen: time.Date(2024, 9, 28, 7, 20, 0, 0, time.UTC),
		Extracted: true, ContentHash: "ab12",
	}
	var got feeds.Item
	if err := json.Unmarshal(row, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("a stored row reads back as\n%+v\nwant\n%+v", got, want)
	}
	enc, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(enc, row) {
		t.Errorf("Item encodes as\n%s\nwant the stored format\n%s", enc, row)
	}
	// Every field must be in the fixture, so a new field is pinned too.
	if n := reflect.TypeOf(want).NumField(); n != 19 {
		t.Errorf("Item has %d fields, the fixture 19: add the new field to testdata/item-row.json and here", n)
	}
}
