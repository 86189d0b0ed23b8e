package extract

import (
	"errors"
	"fmt"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
)

// ErrRuleNoMatch is returned, together with ErrNoArticle, when a site
// rule's Body selector matches nothing on the page: the site's markup
// changed and the rule needs fixing.
var ErrRuleNoMatch = errors.New("extract: site rule body selector matched nothing")

// CompileRule checks and compiles the selectors of a site rule. An invalid
// selector is an error naming it.
func CompileRule(body string, strip []string) (*Rule, error) {
	r := &Rule{Body: body, Strip: strip}
	if err := r.compile(); err != nil {
		return nil, err
	}
	return r, nil
}

// Validate reports whether every selector of the rule compiles.
func (r *Rule) Validate() error {
	_, _, err := r.selectors()
	return err
}

func (r *Rule) compile() error {
	body, strip, err := r.selectors()
	if err != nil {
		return err
	}
	r.body, r.strip = body, strip
	return nil
}

// selectors compiles the rule without modifying it.
func (r *Rule) selectors() (cascadia.Matcher, []cascadia.Matcher, error) {
	var body cascadia.Matcher
	if r.Body != "" {
		s, err := cascadia.ParseGroup(r.Body)
		if err != nil {
			return nil, nil, fmt.Errorf("extract: rule body selector %q: %w", r.Body, err)
		}
		body = s
	}
	strip := make([]cascadia.Matcher, 0, len(r.Strip))
	for _, q := range r.Strip {
		s, err := cascadia.ParseGroup(q)
		if err != nil {
			return nil, nil, fmt.Errorf("extract: rule strip selector %q: %w", q, err)
		}
		strip = append(strip, s)
	}
	return body, strip, nil
}

// compiled returns the rule's selectors, compiling them when the rule was
// built as a literal rather than by CompileRule.
func (r *Rule) compiled() (cascadia.Matcher, []cascadia.Matcher, error) {
	if r.body != nil || r.strip != nil {
		return r.body, r.strip, nil
	}
	return r.selectors()
}

// applyStrip removes every element matching one of the strip selectors.
func applyStrip(root *html.Node, strip []cascadia.Matcher) {
	for _, s := range strip {
		for _, n := range cascadia.QueryAll(root, s) {
			removeNode(n)
		}
	}
}

// ruleBody returns the outermost elements matching the body selector.
func ruleBody(root *html.Node, body cascadia.Matcher) []*html.Node {
	var out []*html.Node
	for _, n := range cascadia.QueryAll(root, body) {
		if len(out) > 0 && contains(out[len(out)-1], n) {
			continue
		}
		out = append(out, n)
	}
	return out
}
