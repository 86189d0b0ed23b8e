package siterules

import (
	"net/http"
	"strings"

	"golang.org/x/net/http/httpguts"
)

// directive stores one parsed line in p.site.
func (p *parser) directive(name, arg string, hasArg bool, val string) {
	if isIgnored(name) {
		return
	}
	switch {
	case hasArg && !takesArg(name) && name != "replace_string":
		p.warn("%s takes no (argument); line ignored", clip(name))
		return
	case !hasArg && takesArg(name):
		p.warn("%s needs an (argument); line ignored", name)
		return
	}
	if dst := p.xpathList(name); dst != nil {
		p.addXPath(name, dst, val)
		return
	}
	s := p.site
	switch name {
	case "strip_id_or_class":
		p.addString(name, &s.StripIDOrClass, strings.Trim(val, `'"`))
	case "strip_image_src":
		p.addString(name, &s.StripImageSrc, val)
	case "prune", "tidy", "autodetect_on_failure":
		p.flag(name, val)
	case "find_string":
		p.finds = append(p.finds, pendingFind{line: p.line, text: val})
	case "replace_string":
		p.replace(arg, hasArg, val)
	case "http_header":
		p.header(arg, val)
	case "wrap_in":
		p.wrap(arg, val)
	case "test_url":
		p.addTestURL(val)
	case "test_contains":
		p.addTestContains(val)
	default:
		p.warn("unknown directive %q; line ignored", clip(name))
	}
}

// takesArg reports whether a directive must be written name(arg): value.
// replace_string may be written either way.
func takesArg(name string) bool {
	switch name {
	case "http_header", "wrap_in":
		return true
	}
	return false
}

// isIgnored lists directives of the format that refeed knowingly does not
// act on (see the package doc), so they are not reported as unknown.
func isIgnored(name string) bool {
	switch name {
	case "login_uri", "login_username_field", "login_password_field",
		"login_extra_fields", "requires_login", "not_logged_in_xpath",
		"parser", "move_into", "native_ad_clue", "if_page_contains",
		"src_lazy_load_attr", "convert_double_br_tags", "insert_detected_image",
		"skip_json_ld", "footnotes", "strip_comments", "autodetect_next_page",
		"single_page_link_in_feed", "post_strip_attr":
		return true
	}
	return false
}

// xpathList returns the Site field an XPath directive appends to, or nil.
func (p *parser) xpathList(name string) *[]XPath {
	s := p.site
	switch name {
	case "body":
		return &s.Body
	case "title":
		return &s.Title
	case "date":
		return &s.Date
	case "author":
		return &s.Author
	case "strip":
		return &s.Strip
	case "strip_attr":
		return &s.StripAttr
	case "dissolve":
		return &s.Dissolve
	case "single_page_link":
		return &s.SinglePageLink
	case "next_page_link":
		return &s.NextPageLink
	}
	return nil
}

func (p *parser) compile(name, val string) (XPath, bool) {
	if val == "" {
		p.warn("%s: empty value; line ignored", name)
		return XPath{}, false
	}
	x, err := CompileXPath(val)
	if err != nil {
		p.warn("%s: %v; line ignored", name, err)
		return XPath{}, false
	}
	return x, true
}

func (p *parser) addXPath(name string, dst *[]XPath, val string) {
	if x, ok := p.compile(name, val); ok {
		*dst = append(*dst, x)
	}
}

func (p *parser) addString(name string, dst *[]string, val string) {
	if val == "" {
		p.warn("%s: empty value; line ignored", name)
		return
	}
	*dst = append(*dst, val)
}

func (p *parser) flag(name, val string) {
	var on bool
	switch strings.ToLower(val) {
	case "yes", "true":
		on = true
	case "no", "false":
	default:
		p.warn("%s: want yes or no, got %q; line ignored", name, clip(val))
		return
	}
	switch name {
	case "prune":
		p.site.Prune = on
	case "tidy":
		p.site.Tidy = on
	case "autodetect_on_failure":
		p.site.AutodetectOnFailure = on
	}
}

// replace pairs a replace_string with the oldest pending find_string, or
// takes its find string from replace_string(find): replace.
func (p *parser) replace(arg string, hasArg bool, val string) {
	find := arg
	if !hasArg {
		if len(p.finds) == 0 {
			p.warn("replace_string without a find_string before it; line ignored")
			return
		}
		find, p.finds = p.finds[0].text, p.finds[1:]
	}
	if find == "" {
		p.warn("replace_string: empty find string; line ignored")
		return
	}
	p.site.Replace = append(p.site.Replace, Replacement{Find: find, Replace: val})
}

func (p *parser) header(name, val string) {
	name = strings.TrimSpace(name)
	if !httpguts.ValidHeaderFieldName(name) || !httpguts.ValidHeaderFieldValue(val) {
		p.warn("http_header(%s): invalid header name or value; line ignored", clip(name))
		return
	}
	if p.site.headers == nil {
		p.site.headers = map[string]string{}
	}
	p.site.headers[http.CanonicalHeaderKey(name)] = val
}

func (p *parser) wrap(tag, val string) {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if !validTag(tag) {
		p.warn("wrap_in(%s): not an element name; line ignored", clip(tag))
		return
	}
	if x, ok := p.compile("wrap_in", val); ok {
		p.site.WrapIn = append(p.site.WrapIn, Wrap{Tag: tag, XPath: x})
	}
}

// validTag accepts plain element names: a letter, then letters and digits.
func validTag(tag string) bool {
	if tag == "" || tag[0] < 'a' || tag[0] > 'z' {
		return false
	}
	for _, c := range []byte(tag) {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

func (p *parser) addTestURL(val string) {
	if val == "" {
		p.warn("test_url: empty value; line ignored")
		return
	}
	p.site.Tests = append(p.site.Tests, Test{URL: val})
}

func (p *parser) addTestContains(val string) {
	n := len(p.site.Tests)
	if n == 0 {
		p.warn("test_contains before any test_url; line ignored")
		return
	}
	p.site.Tests[n-1].Contains = append(p.site.Tests[n-1].Contains, val)
}
