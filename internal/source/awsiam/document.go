package awsiam

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"

	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
)

// document parses a policy document in any form a snapshot holds it: a
// JSON object (the CLI decodes documents and prints them as objects), a
// string of URL-encoded JSON (the API's form, RFC 3986), or a string of
// plain JSON. An absent document is unknown; one that cannot be decoded
// or parsed has Err set.
func document(raw json.RawMessage, o model.Origin) iam.Document {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return iam.ParseDocument(model.Unresolved[string](o))
	}
	if raw[0] != '"' {
		// The CLI indents documents at their depth in the snapshot.
		text := string(raw)
		var buf bytes.Buffer
		if json.Compact(&buf, raw) == nil {
			text = buf.String()
		}
		return iam.ParseDocument(model.Set(text, o))
	}
	// raw is a JSON string the snapshot's parse accepted.
	var s string
	_ = json.Unmarshal(raw, &s)
	if !strings.HasPrefix(strings.TrimSpace(s), "{") {
		decoded, err := url.PathUnescape(s)
		if err != nil {
			return iam.Document{Raw: model.Set(s, o), Err: fmt.Sprintf("decode URL-encoded policy document: %v", err)}
		}
		s = decoded
	}
	return iam.ParseDocument(model.Set(s, o))
}
