package feeds_test

import (
	"fmt"

	"github.com/refeed/refeed/feeds"
)

func ExampleCanonicalURL() {
	u, _ := feeds.CanonicalURL("../news/1?utm_source=rss&id=7#comments", "HTTPS://Example.com:443/feeds/rss.xml")
	fmt.Println(u)
	// Output: https://example.com/news/1?id=7
}

func ExampleNormalizeTitle() {
	fmt.Println(feeds.NormalizeTitle("«وزارةُ الصحّة» تُعلن: إصابات جديدة عام ٢٠٢٦"))
	// Output: وزاره الصحه تعلن اصابات جديده عام 2026
}

func ExampleItemID() {
	a := feeds.ItemID("https://example.com/news/1", "", "Old title", "source-a")
	b := feeds.ItemID("http://www.example.com/news/1", "", "New title", "source-b")
	fmt.Println(a == b)
	// Output: true
}
