package siterules

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestCompileXPath(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<div id="story"><p>One</p></div><p id="other">Two</p>`))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		src     string
		wantErr bool
		want    []string // strings() of the expression on doc
	}{
		{src: "//div[@id='story']/p", want: []string{"One"}},
		{src: "id('story')/p", want: []string{"One"}},
		{src: `substring-before(id("other"), "o")`, want: []string{"Tw"}},
		{src: "count(//p)", want: []string{"2"}},
		{src: "//p[@id='story2'] | //p[@id='other']/@id", want: []string{"other"}},
		{src: "//div[contains(@class='x')]", wantErr: true}, // panics inside antchfx/xpath
		{src: "//a[contain(@class, 'x')]", wantErr: true},
		{src: "id(@x)", wantErr: true},
		{src: "", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			x, err := CompileXPath(tt.src)
			if (err != nil) != tt.wantErr {
				t.Fatalf("CompileXPath(%q) error = %v, want error %v", tt.src, err, tt.wantErr)
			}
			if err != nil {
				if !strings.HasPrefix(err.Error(), "siterules: xpath ") {
					t.Errorf("error %q lacks the package prefix", err)
				}
				return
			}
			if x.String() != tt.src {
				t.Errorf("String() = %q, want the source %q", x.String(), tt.src)
			}
			if got := x.strings(doc); strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("strings() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestZeroXPathMatchesNothing(t *testing.T) {
	doc, _ := html.Parse(strings.NewReader("<p>x</p>"))
	var x XPath
	if x.matches(doc) != nil || x.strings(doc) != nil || x.String() != "" {
		t.Error("zero XPath matched something")
	}
}
