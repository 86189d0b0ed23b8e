package fetch_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/refeed/refeed/fetch"
)

// stubNet resolves names from a table and records every dial instead of
// making it, so no packet leaves the machine.
type stubNet struct {
	names map[string][]netip.Addr
	mu    sync.Mutex
	dials []string
}

var errStubDial = errors.New("stub: dial not made")

func (s *stubNet) lookup(_ context.Context, host string) ([]netip.Addr, error) {
	if ips, ok := s.names[host]; ok {
		return ips, nil
	}
	return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
}

func (s *stubNet) dial(_ context.Context, _, address string) (net.Conn, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.dials = append(s.dials, address)
	return nil, errStubDial
}

func (s *stubNet) dialled() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.dials...)
}

func addrs(ss ...string) []netip.Addr {
	out := make([]netip.Addr, len(ss))
	for i, s := range ss {
		out[i] = netip.MustParseAddr(s)
	}
	return out
}

func stubbedClient(t *testing.T) (*fetch.Client, *stubNet) {
	t.Helper()
	sn := &stubNet{names: map[string][]netip.Addr{
		"lan.test":      addrs("10.0.0.1"),
		"metadata.test": addrs("169.254.169.254"),
		"cgnat.test":    addrs("100.64.0.1"),
		"ula.test":      addrs("fd00::1"),
		"mapped.test":   addrs("::ffff:127.0.0.1"),
		"rebind.test":   addrs("10.0.0.1", "93.184.216.34"),
	}}
	opts := fastOptions()
	opts.Retries = -1
	c := newClient(t, opts)
	fetch.SetNetwork(c, sn.lookup, sn.dial)
	return c, sn
}

func TestGuardRefusesPrivateAddressesBeforeDialling(t *testing.T) {
	c, sn := stubbedClient(t)
	guard := &fetch.Guard{Hosts: []string{"news.example"}, AllowKey: "allow_networks"}
	for _, tc := range []struct{ url, class string }{
		{"http://lan.test/a", "10.0.0.1, a private address"},
		{"http://metadata.test/latest/meta-data/", "169.254.169.254, a link-local address"},
		{"http://cgnat.test/a", "100.64.0.1, a CGNAT address"},
		{"http://ula.test/a", "fd00::1, a unique-local address"},
		{"http://mapped.test/a", "127.0.0.1, a loopback address"},
		{"http://10.0.0.1/a", "10.0.0.1 is a private address"},
		{"http://[fd00::1]:8080/a", "fd00::1 is a unique-local address"},
		{"http://[::ffff:127.0.0.1]/a", "127.0.0.1 is a loopback address"},
		{"http://[::ffff:a9fe:a9fe]/a", "169.254.169.254, a link-local address"},
		{"http://[64:ff9b::a00:1]/a", "a private address"},
		{"http://0.0.0.0/a", "0.0.0.0 is an unspecified address"},
		{"http://239.1.2.3/a", "multicast"},
	} {
		for _, kind := range []fetch.Kind{fetch.KindFeed, fetch.KindPage} {
			_, err := c.Fetch(context.Background(), fetch.Request{URL: tc.url, Kind: kind, Guard: guard})
			if !errors.Is(err, fetch.ErrPrivateAddress) {
				t.Errorf("%s (%s): err = %v, want ErrPrivateAddress", tc.url, kind, err)
				continue
			}
			msg := err.Error()
			if !strings.Contains(msg, tc.url) || !strings.Contains(msg, tc.class) || !strings.Contains(msg, "allow_networks") {
				t.Errorf("%s (%s): message %q should name the URL, %q and allow_networks", tc.url, kind, msg, tc.class)
			}
			if fetch.Retryable(err) {
				t.Errorf("%s: a refusal must not be retried", tc.url)
			}
		}
	}
	if d := sn.dialled(); len(d) > 0 {
		t.Errorf("dialled %v; a refused address must never be dialled", d)
	}
}

func TestGuardDialsOnlyAllowedAddresses(t *testing.T) {
	c, sn := stubbedClient(t)
	// A name that resolves to a private and a public address: only the
	// public one is dialled (DNS rebinding gets nowhere).
	_, err := c.Fetch(context.Background(), fetch.Request{URL: "http://rebind.test/a", Guard: &fetch.Guard{}})
	if !errors.Is(err, errStubDial) {
		t.Fatalf("err = %v, want the stub's dial error", err)
	}
	// An allowed network is dialled.
	allow := &fetch.Guard{Networks: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("fd00::/8")}}
	for _, u := range []string{"http://lan.test/a", "http://ula.test/a"} {
		if _, err := c.Fetch(context.Background(), fetch.Request{URL: u, Guard: allow}); !errors.Is(err, errStubDial) {
			t.Errorf("%s with the network allowed: err = %v, want the stub's dial error", u, err)
		}
	}
	want := []string{"93.184.216.34:80", "10.0.0.1:80", "[fd00::1]:80"}
	if got := sn.dialled(); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("dialled %v, want %v", got, want)
	}
}

// loopbackServer counts the requests it answers.
func loopbackServer(t *testing.T, h http.HandlerFunc) (*url.URL, *atomic.Int32) {
	t.Helper()
	var n atomic.Int32
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		h(w, r)
	})
	u, _ := url.Parse(srv.URL)
	return u, &n
}

func TestGuardLoopbackLinkOfALoopbackFeed(t *testing.T) {
	article, hits := loopbackServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body><p>secret</p></body></html>"))
	})
	feedURL := "http://127.0.0.1:1/feed.xml" // the source's own host is 127.0.0.1
	link := "http://localhost:" + article.Port() + "/admin"
	c := newClient(t, fastOptions())

	guard := fetch.GuardFor(feedURL, nil, "allow_networks")
	_, err := c.Fetch(context.Background(), fetch.Request{URL: link, Kind: fetch.KindPage, Guard: guard})
	if !errors.Is(err, fetch.ErrPrivateAddress) || !strings.Contains(err.Error(), link) {
		t.Fatalf("err = %v, want ErrPrivateAddress naming %s", err, link)
	}
	if hits.Load() != 0 {
		t.Fatalf("the refused server answered %d requests (robots.txt included)", hits.Load())
	}

	// The source's own host is trusted, and an allowed network is open.
	own := "http://127.0.0.1:" + article.Port() + "/admin"
	if _, err := c.Fetch(context.Background(), fetch.Request{URL: own, Kind: fetch.KindPage, Guard: guard}); err != nil {
		t.Fatalf("a link on the source's own host: %v", err)
	}
	allowed := fetch.GuardFor(feedURL, []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8"), netip.MustParsePrefix("::1/128")}, "allow_networks")
	if _, err := c.Fetch(context.Background(), fetch.Request{URL: link, Kind: fetch.KindPage, Guard: allowed}); err != nil {
		t.Fatalf("with allow_networks holding 127.0.0.0/8: %v", err)
	}
}

func TestGuardRedirectFromAllowedHostToPrivateOne(t *testing.T) {
	private, hits := loopbackServer(t, func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("secret")) })
	target := "http://localhost:" + private.Port() + "/secret"
	source := newServer(t, func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, target, http.StatusFound) })
	c := newClient(t, fastOptions())
	guard := fetch.GuardFor(source.URL, nil, "allow_networks")
	for _, kind := range []fetch.Kind{fetch.KindFeed, fetch.KindPage} {
		_, err := c.Fetch(context.Background(), fetch.Request{URL: source.URL + "/a", Kind: kind, Guard: guard})
		if !errors.Is(err, fetch.ErrPrivateAddress) || !strings.Contains(err.Error(), "loopback") {
			t.Errorf("%s: err = %v, want ErrPrivateAddress for the loopback hop", kind, err)
		}
	}
	if hits.Load() != 0 {
		t.Errorf("the redirect target answered %d requests", hits.Load())
	}
}

// A connection the trusted client opened is not reused for an untrusted
// link to the same address.
func TestGuardDoesNotReuseTrustedConnections(t *testing.T) {
	srv, hits := loopbackServer(t, func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(rssFeed)) })
	c := newClient(t, fastOptions())
	if _, err := c.Fetch(context.Background(), fetch.Request{URL: srv.String()}); err != nil {
		t.Fatal(err)
	}
	guard := fetch.GuardFor("http://news.example/feed", nil, "")
	_, err := c.Fetch(context.Background(), fetch.Request{URL: srv.String(), Guard: guard})
	if !errors.Is(err, fetch.ErrPrivateAddress) {
		t.Fatalf("err = %v, want ErrPrivateAddress", err)
	}
	if hits.Load() != 1 {
		t.Errorf("server answered %d requests, want 1 (the trusted one)", hits.Load())
	}
}

func TestPrivateClass(t *testing.T) {
	for ip, want := range map[string]string{
		"8.8.8.8": "", "93.184.216.34": "", "2606:4700::1111": "", "2002:5db8:d822::1": "",
		"127.0.0.1": "loopback", "::1": "loopback", "::ffff:127.0.0.1": "loopback",
		"10.0.0.1": "private", "172.16.0.1": "private", "192.168.1.1": "private",
		"169.254.169.254": "link-local", "fe80::1%eth0": "link-local",
		"100.64.0.1": "CGNAT", "100.127.255.254": "CGNAT", "100.128.0.1": "",
		"fd00::1": "unique-local", "fc00::1": "unique-local",
		"224.0.0.1": "link-local", "239.1.2.3": "multicast", "ff02::1": "link-local", "ff05::1": "multicast",
		"0.0.0.0": "unspecified", "::": "unspecified",
		"255.255.255.255": "reserved", "0.1.2.3": "reserved",
		"64:ff9b::7f00:1": "loopback", "2002:a00:1::": "private",
	} {
		if got := fetch.PrivateClass(netip.MustParseAddr(ip)); got != want {
			t.Errorf("PrivateClass(%s) = %q, want %q", ip, got, want)
		}
	}
}

func TestGuardTrusts(t *testing.T) {
	g := fetch.GuardFor("https://News.Example.:8443/feed", nil, "")
	for host, want := range map[string]bool{
		"news.example": true, "NEWS.EXAMPLE:80": true, "news.example.": true,
		"www.news.example": false, "localhost": false, "127.0.0.1": false,
	} {
		if got := g.Trusts(host); got != want {
			t.Errorf("Trusts(%q) = %v, want %v", host, got, want)
		}
	}
	var none *fetch.Guard
	if !none.Trusts("10.0.0.1") {
		t.Error("a nil Guard trusts every host")
	}
}

func TestGuardDiscoveredFeedOnAPrivateHost(t *testing.T) {
	feed, hits := loopbackServer(t, func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(rssFeed)) })
	feedLink := "http://localhost:" + feed.Port() + "/feed"
	page := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<html><head><link rel="alternate" type="application/rss+xml" href="` + feedLink + `"></head></html>`))
	})
	c := newClient(t, fastOptions())
	_, err := c.FetchFeed(context.Background(), fetch.Request{URL: page.URL, Guard: fetch.GuardFor(page.URL, nil, "allow_networks")})
	if !errors.Is(err, fetch.ErrPrivateAddress) || !strings.Contains(err.Error(), feedLink) {
		t.Fatalf("err = %v, want ErrPrivateAddress naming %s", err, feedLink)
	}
	if hits.Load() != 0 {
		t.Errorf("the discovered feed's server answered %d requests", hits.Load())
	}
}
