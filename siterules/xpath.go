package siterules

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/antchfx/htmlquery"
	"github.com/antchfx/xpath"
	"golang.org/x/net/html"
)

// XPath is a compiled XPath 1.0 expression from a rule file. The zero value
// matches nothing. It is safe for concurrent use: evaluation is serialised
// per expression, because antchfx/xpath keeps iteration state inside the
// compiled query.
type XPath struct {
	c *compiled
}

type compiled struct {
	src  string
	expr *xpath.Expr
	mu   sync.Mutex
}

// CompileXPath compiles an XPath 1.0 expression. antchfx/xpath lacks the
// id() function, which older rule files use (id('storytext')), so an
// expression that fails to compile is retried with id('x') read as
// //*[@id='x']. CompileXPath never panics, even on input that trips the
// compiler.
func CompileXPath(src string) (XPath, error) {
	expr, err := compileExpr(src)
	if err != nil && strings.Contains(src, "id(") {
		// id() with one quoted literal, not part of a longer name.
		idCall := regexp.MustCompile(`\bid\(\s*('[^']*'|"[^"]*")\s*\)`)
		if alt := idCall.ReplaceAllString(src, "//*[@id=$1]"); alt != src {
			if e, altErr := compileExpr(alt); altErr == nil {
				expr, err = e, nil
			}
		}
	}
	if err != nil {
		return XPath{}, fmt.Errorf("siterules: xpath %q: %w", src, err)
	}
	return XPath{c: &compiled{src: src, expr: expr}}, nil
}

// compileExpr wraps xpath.Compile, turning its panics into errors.
func compileExpr(src string) (expr *xpath.Expr, err error) {
	defer func() {
		if r := recover(); r != nil {
			expr, err = nil, fmt.Errorf("%v", r)
		}
	}()
	return xpath.Compile(src)
}

// String returns the expression as written in the rule file.
func (x XPath) String() string {
	if x.c == nil {
		return ""
	}
	return x.c.src
}

// match is one node an expression selected: an element or text node, or the
// attribute attr of element n when attr is not empty.
type match struct {
	n    *html.Node
	attr string
}

// matches returns every node x selects under root, in document order.
func (x XPath) matches(root *html.Node) []match {
	var out []match
	ok := x.guarded(func(expr *xpath.Expr) {
		it := expr.Select(htmlquery.CreateXPathNavigator(root))
		for it.MoveNext() {
			nav, ok := it.Current().(*htmlquery.NodeNavigator)
			if !ok {
				continue
			}
			m := match{n: nav.Current()}
			if nav.NodeType() == xpath.AttributeNode {
				m.attr = nav.LocalName()
			}
			out = append(out, m)
		}
	})
	if !ok {
		return nil
	}
	return out
}

// strings evaluates x for text: the string value of every selected node, or
// the single value of an expression that returns a string or a number
// (normalize-space(...), substring-after(...), count(...)). Empty values and
// boolean results are dropped.
func (x XPath) strings(root *html.Node) []string {
	var out []string
	ok := x.guarded(func(expr *xpath.Expr) {
		switch v := expr.Evaluate(htmlquery.CreateXPathNavigator(root)).(type) {
		case *xpath.NodeIterator:
			for v.MoveNext() {
				out = appendText(out, v.Current().Value())
			}
		case string:
			out = appendText(out, v)
		case float64:
			out = appendText(out, strconv.FormatFloat(v, 'f', -1, 64))
		}
	})
	if !ok {
		return nil
	}
	return out
}

// guarded runs eval on the compiled expression, holding its lock. It
// reports false for the zero XPath and when eval panics: the evaluator has
// had a few panics on odd input, and a rule that trips one should yield
// nothing rather than crash a refresh.
func (x XPath) guarded(eval func(*xpath.Expr)) (ok bool) {
	if x.c == nil {
		return false
	}
	x.c.mu.Lock()
	defer x.c.mu.Unlock()
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	eval(x.c.expr)
	return true
}

func appendText(out []string, s string) []string {
	if s = strings.Join(strings.Fields(s), " "); s != "" {
		out = append(out, s)
	}
	return out
}
