package feeds

import "encoding/json"

// repairJSON rewrites the JSON Feed mistakes that make gofeed reject a
// whole feed: an "author" (or an "authors" entry) given as a plain string
// instead of an object. It returns body unchanged when it is not a JSON
// object.
func repairJSON(body []byte) []byte {
	var doc map[string]any
	if json.Unmarshal(body, &doc) != nil {
		return body
	}
	fixAuthors(doc)
	if items, ok := doc["items"].([]any); ok {
		for _, it := range items {
			if m, ok := it.(map[string]any); ok {
				fixAuthors(m)
			}
		}
	}
	out, err := json.Marshal(doc)
	if err != nil {
		return body
	}
	return out
}

// fixAuthors turns string authors of one feed or item object into
// {"name": ...} objects and drops authors of any other wrong type.
func fixAuthors(m map[string]any) {
	switch a := m["author"].(type) {
	case string:
		m["author"] = map[string]any{"name": a}
	case map[string]any, nil:
	default:
		delete(m, "author")
	}
	list, ok := m["authors"].([]any)
	if !ok {
		if m["authors"] != nil {
			delete(m, "authors")
		}
		return
	}
	for i, a := range list {
		if s, ok := a.(string); ok {
			list[i] = map[string]any{"name": s}
		} else if _, ok := a.(map[string]any); !ok {
			list[i] = map[string]any{}
		}
	}
}
