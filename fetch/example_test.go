package fetch_test

import (
	"fmt"

	"golang.org/x/text/encoding/charmap"

	"github.com/refeed/refeed/fetch"
)

// A windows-1256 page whose charset is declared only in a <meta> tag.
func ExampleDecode() {
	page, _ := charmap.Windows1256.NewEncoder().String(
		`<meta charset="windows-1256"><h1>أخبار العراق</h1>`)
	text, name := fetch.Decode([]byte(page), "text/html", "")
	fmt.Println(name)
	fmt.Println(string(text))
	// Output:
	// windows-1256
	// <meta charset="windows-1256"><h1>أخبار العراق</h1>
}

// An XML feed's declaration is rewritten once the text is UTF-8, so an XML
// parser does not decode it again.
func ExampleDecode_feed() {
	feed, _ := charmap.ISO8859_6.NewEncoder().String(
		`<?xml version="1.0" encoding="ISO-8859-6"?><rss><channel><title>بغداد</title></channel></rss>`)
	text, name := fetch.Decode([]byte(feed), "application/rss+xml", "")
	fmt.Println(name)
	fmt.Println(string(text))
	// Output:
	// iso-8859-6
	// <?xml version="1.0" encoding="UTF-8"?><rss><channel><title>بغداد</title></channel></rss>
}
