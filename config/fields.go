package config

import "go.yaml.in/yaml/v3"

// topFields lists the keys of the top level of sources.yaml.
func topFields(c *Config) []field {
	return []field{
		{"title", str(&c.Title)},
		{"output", str(&c.Output)},
		{"state", str(&c.State)},
		{"user_agent", str(&c.UserAgent)},
		{"interval", duration(&c.Interval)},
		{"base_url", str(&c.BaseURL)},
		{"concurrency", integer(&c.Concurrency)},
		{"per_host", integer(&c.PerHost)},
		{"host_delay", duration(&c.HostDelay)},
		{"timeout", duration(&c.Timeout)},
		{"max_body", size(&c.MaxBody)},
		{"retries", integer(&c.Retries)},
		{"max_articles", integer(&c.MaxArticles)},
		{"robots", boolean(&c.Robots)},
		{"timezone", str(&c.TimeZone)},
		{"allow_networks", networks(&c.AllowNetworks)},
		{"site_rules", func(d *decoder, n *yaml.Node, path string) {
			d.mapping(n, path, []field{
				{"dir", str(&c.SiteRules.Dir)},
				{"global", boolean(&c.SiteRules.Global)},
			})
		}},
		{"on_the_fly", onTheFlyField(&c.OnTheFly)},
		{"sources", func(d *decoder, n *yaml.Node, path string) {
			d.list(n, path, func(el *yaml.Node, p string) {
				s := Source{Line: resolve(el).Line}
				d.mapping(el, p, sourceFields(&s))
				c.Sources = append(c.Sources, s)
			})
		}},
		{"feeds", func(d *decoder, n *yaml.Node, path string) {
			d.list(n, path, func(el *yaml.Node, p string) {
				f := Feed{Line: resolve(el).Line, Limit: DefaultFeedLimit}
				d.mapping(el, p, feedFields(&f))
				c.Feeds = append(c.Feeds, f)
			})
		}},
	}
}

// sourceFields lists the keys of an entry of "sources".
func sourceFields(s *Source) []field {
	return []field{
		{"name", str(&s.Name)},
		{"url", str(&s.URL)},
		{"type", str(&s.Type)},
		{"links", str(&s.Links)},
		{"link_title", str(&s.LinkTitle)},
		{"fulltext", func(d *decoder, n *yaml.Node, path string) {
			if fullText(&s.FullText)(d, n, path); !d.meta.failed[path] {
				s.fullTextSet = true
			}
		}},
		{"language", str(&s.Language)},
		{"interval", optDuration(&s.Interval)},
		{"timeout", optDuration(&s.Timeout)},
		{"max_body", optSize(&s.MaxBody)},
		{"retries", optInteger(&s.Retries)},
		{"max_articles", optInteger(&s.MaxArticles)},
		{"robots", optBoolean(&s.Robots)},
		{"timezone", str(&s.TimeZone)},
		{"charset", str(&s.Charset)},
		{"headers", stringMap(&s.Headers)},
		{"extract", func(d *decoder, n *yaml.Node, path string) {
			d.mapping(n, path, []field{
				{"body", str(&s.Extract.Body)},
				{"strip", stringList(&s.Extract.Strip)},
			})
		}},
		{"pages", func(d *decoder, n *yaml.Node, path string) {
			d.mapping(n, path, []field{
				{"next", str(&s.Pages.Next)},
				{"single", str(&s.Pages.Single)},
				{"max", integer(&s.Pages.Max)},
			})
		}},
		{"include", stringList(&s.Include)},
		{"exclude", stringList(&s.Exclude)},
	}
}

// feedFields lists the keys of an entry of "feeds".
func feedFields(f *Feed) []field {
	return []field{
		{"name", str(&f.Name)},
		{"title", str(&f.Title)},
		{"link", str(&f.Link)},
		{"description", str(&f.Description)},
		{"language", str(&f.Language)},
		{"icon", str(&f.Icon)},
		{"sources", stringList(&f.Sources)},
		{"limit", integer(&f.Limit)},
		{"max_age", duration(&f.MaxAge)},
		{"dedupe_titles", optBoolean(&f.DedupeTitles)},
		{"include", stringList(&f.Include)},
		{"exclude", stringList(&f.Exclude)},
	}
}
