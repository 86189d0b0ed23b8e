package feeds

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"time"

	gfeeds "github.com/gorilla/feeds"
)

// jsonFeedVersion is the JSON Feed version URL we emit.
const jsonFeedVersion = "https://jsonfeed.org/version/1.1"

// jsonDoc extends gorilla/feeds' JSONFeed with per-item language (JSON
// Feed 1.1) and an always-present items array.
type jsonDoc struct {
	*gfeeds.JSONFeed
	Items []jsonItem `json:"items"`
}

type jsonItem struct {
	*gfeeds.JSONItem
	Language string `json:"language,omitempty"`
}

// RenderJSON writes f as JSON Feed 1.1 with language, home_page_url,
// feed_url, icon, and per item: id, url, title, content_html (full
// article, wrapped for RTL), content_text, summary (plain text), image,
// date_published, date_modified, authors, tags and attachments.
func RenderJSON(w io.Writer, f Feed) error {
	f = f.safe()
	lang := f.language()
	doc := jsonDoc{
		JSONFeed: &gfeeds.JSONFeed{
			Version:     jsonFeedVersion,
			Title:       f.Title,
			Language:    lang,
			HomePageUrl: f.Link,
			FeedUrl:     f.selfLink(ExtJSON),
			Description: f.Description,
			Icon:        f.Icon,
		},
		Items: make([]jsonItem, 0, len(f.Items)),
	}
	for _, it := range f.Items {
		doc.Items = append(doc.Items, newJSONItem(safeItem(it), lang))
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("feeds: render json %s: %w", f.Name, err)
	}
	return nil
}

func newJSONItem(it Item, feedLang string) jsonItem {
	ji := &gfeeds.JSONItem{
		Id:            it.ID,
		Url:           it.URL,
		Title:         itemTitle(it),
		ContentHTML:   ContentHTML(it, feedLang),
		ContentText:   it.Text,
		Image:         it.Image,
		PublishedDate: timePtr(outTime(ItemDate(it))),
		Tags:          it.Categories,
	}
	if s := htmlText(it.Summary); s != "" && it.Content != "" {
		ji.Summary = s
	}
	if !it.Updated.IsZero() {
		ji.ModifiedDate = timePtr(outTime(it.Updated))
	}
	for _, a := range it.Authors {
		ji.Authors = append(ji.Authors, &gfeeds.JSONAuthor{Name: a})
	}
	for _, e := range it.Enclosures {
		ji.Attachments = append(ji.Attachments, gfeeds.JSONAttachment{
			Url: e.URL, MIMEType: e.Type, Size: int32(min(e.Length, math.MaxInt32)),
		})
	}
	out := jsonItem{JSONItem: ji}
	if it.Lang != feedLang {
		out.Language = it.Lang
	}
	return out
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}
