package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// lazySrcAttrs are where lazy-loading scripts keep the real image URL.
var lazySrcAttrs = [...]string{
	"data-src", "data-original", "data-lazy-src", "data-lazy", "data-url",
	"data-hi-res-src", "data-full-src", "data-img-src", "data-actualsrc",
	"data-echo", "data-lazyload",
}

// lazySrcsetAttrs are where lazy-loading scripts keep the real srcset.
var lazySrcsetAttrs = [...]string{"data-srcset", "data-lazy-srcset", "data-original-set"}

// fixLazyImage gives img its real src and srcset when a lazy-loading script
// was meant to fill them in.
func fixLazyImage(img *html.Node) {
	if !realImageSrc(getAttr(img, "src")) {
		for _, k := range lazySrcAttrs {
			if v := strings.TrimSpace(getAttr(img, k)); v != "" && realImageSrc(v) {
				setAttr(img, "src", v)
				break
			}
		}
	}
	if getAttr(img, "srcset") == "" {
		for _, k := range lazySrcsetAttrs {
			if v := strings.TrimSpace(getAttr(img, k)); v != "" {
				setAttr(img, "srcset", v)
				break
			}
		}
	}
}

// realImageSrc reports whether src points at an image rather than being
// empty or an inline placeholder.
func realImageSrc(src string) bool {
	src = strings.TrimSpace(src)
	if src == "" || strings.HasPrefix(src, "data:") || strings.HasPrefix(src, "about:") {
		return false
	}
	l := strings.ToLower(src)
	return !strings.Contains(l, "blank.gif") && !strings.Contains(l, "spacer.gif") &&
		!strings.Contains(l, "placeholder") && !strings.Contains(l, "lazy-load") &&
		!strings.Contains(l, "transparent.gif") && !strings.Contains(l, "pixel.gif")
}

// chromeImageWords mark pictures that belong to the page, not the story:
// logos, icons, avatars, sprites, spacers and tracking pixels.
var chromeImageWords = [...]string{
	"logo", "icon", "avatar", "sprite", "spacer", "pixel", "badge", "emoji",
}

// isChromeImage reports whether img is a logo, icon or the like, judged by
// its address, class and id.
func isChromeImage(img *html.Node) bool {
	for _, a := range img.Attr {
		switch a.Key {
		case "src", "class", "id":
			v := strings.ToLower(a.Val)
			if a.Key == "src" {
				v = v[strings.LastIndexByte(v, '/')+1:] // the file name only
			}
			for _, w := range chromeImageWords {
				if strings.Contains(v, w) {
					return true
				}
			}
		}
	}
	return false
}
