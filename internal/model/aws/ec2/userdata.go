package ec2

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/vigil-sec/vigil/internal/model"
)

// UserData is what is known about the user data an instance is launched
// with. The script itself is not kept, since it may hold secrets: only
// whether there is one and where secrets appear in it.
//
// The embedded Meta is Unknown when the script could not be resolved or
// decoded, in which case Secrets says nothing.
type UserData struct {
	model.Meta
	// Present is whether user data is set.
	Present bool
	// Secrets lists the secrets found, in line order.
	Secrets []Secret
}

// Secret is a secret found in user data. It never holds the secret's value.
type Secret struct {
	// Kind names what was found, e.g. "AWS access key ID".
	Kind string
	// Line is the 1-based line of the decoded user data.
	Line int
}

// Secret kinds.
const (
	SecretAWSAccessKey = "AWS access key ID"
	SecretPrivateKey   = "private key"
	SecretAssignment   = "hard-coded credential assignment"
)

var (
	accessKeyPattern  = regexp.MustCompile(`\b(?:AKIA|ASIA)[0-9A-Z]{16}\b`)
	privateKeyPattern = regexp.MustCompile(`-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----`)
	// assignmentPattern finds `key = value` and `key: value` pairs; the key
	// and value are judged separately.
	assignmentPattern = regexp.MustCompile(`([A-Za-z][A-Za-z0-9_.-]*)["']?\s*[:=]\s*(["']?)([^\s"';#,}]*)`)
	keySplit          = regexp.MustCompile(`[_.-]`)
)

// credentialWords end a key segment that names a credential (DB_PASSWORD,
// github_token, AWS_SECRET_ACCESS_KEY).
var credentialWords = []string{"password", "passwd", "pwd", "secret", "token", "apikey"}

// notCredentialWords mark keys that name something about a credential, not
// the credential itself (password_file, token_url, secret_name).
var notCredentialWords = []string{"file", "path", "url", "uri", "length", "policy", "name", "arn", "id", "type", "ttl", "expiry"}

// nonSecretValues are values that cannot be credentials.
var nonSecretValues = map[string]bool{
	"true": true, "false": true, "yes": true, "no": true, "null": true, "none": true,
	"required": true, "optional": true, "enabled": true, "disabled": true,
}

// ScanUserData looks for secrets in a user data script given as text.
func ScanUserData(text model.String) UserData {
	s, ok := text.Get()
	if !ok {
		return UserData{Meta: text.Meta}
	}
	return scan(text.Meta, []byte(s))
}

// ScanUserDataBase64 looks for secrets in user data given base64-encoded, as
// launch templates and the EC2 API hold it. Gzip-compressed user data is
// decompressed; data that does not decode to text is Unknown.
func ScanUserDataBase64(text model.String) UserData {
	s, ok := text.Get()
	if !ok {
		return UserData{Meta: text.Meta}
	}
	if strings.TrimSpace(s) == "" {
		return UserData{Meta: text.Meta}
	}
	b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(s))
	if err != nil {
		return UserData{Meta: model.Meta{Origin: text.Origin}, Present: true}
	}
	return scan(text.Meta, b)
}

func scan(meta model.Meta, b []byte) UserData {
	if len(b) == 0 {
		return UserData{Meta: meta}
	}
	if bytes.HasPrefix(b, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return UserData{Meta: model.Meta{Origin: meta.Origin}, Present: true}
		}
		// User data is at most 16 KB compressed; a bound keeps a hostile
		// input from expanding without limit.
		plain, err := io.ReadAll(io.LimitReader(zr, 1<<20))
		if err != nil {
			return UserData{Meta: model.Meta{Origin: meta.Origin}, Present: true}
		}
		b = plain
	}
	if !utf8.Valid(b) {
		return UserData{Meta: model.Meta{Origin: meta.Origin}, Present: true}
	}
	ud := UserData{Meta: meta, Present: true}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	inKey := false
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		switch {
		case privateKeyPattern.MatchString(text):
			ud.Secrets = append(ud.Secrets, Secret{Kind: SecretPrivateKey, Line: line})
			inKey = true
			continue
		case inKey:
			// The key's body must not be reported again as assignments.
			inKey = !strings.Contains(text, "-----END ")
			continue
		}
		if accessKeyPattern.MatchString(text) && !allExamples(accessKeyPattern.FindAllString(text, -1)) {
			ud.Secrets = append(ud.Secrets, Secret{Kind: SecretAWSAccessKey, Line: line})
			continue
		}
		if hasCredentialAssignment(text) {
			ud.Secrets = append(ud.Secrets, Secret{Kind: SecretAssignment, Line: line})
		}
	}
	if sc.Err() != nil {
		return UserData{Meta: model.Meta{Origin: meta.Origin}, Present: true}
	}
	return ud
}

// allExamples reports whether every key is AWS's documented example key,
// which ends in "EXAMPLE" and grants nothing.
func allExamples(keys []string) bool {
	for _, k := range keys {
		if !strings.HasSuffix(k, "EXAMPLE") {
			return false
		}
	}
	return true
}

func hasCredentialAssignment(line string) bool {
	for _, m := range assignmentPattern.FindAllStringSubmatch(line, -1) {
		if credentialKey(m[1]) && literalValue(m[3]) {
			return true
		}
	}
	return false
}

func credentialKey(key string) bool {
	segs := keySplit.Split(strings.ToLower(key), -1)
	found := false
	for i, seg := range segs {
		for _, w := range notCredentialWords {
			if seg == w {
				return false
			}
		}
		for _, w := range credentialWords {
			if strings.HasSuffix(seg, w) {
				found = true
			}
		}
		if seg == "key" && i > 0 && segs[i-1] == "api" {
			found = true
		}
	}
	return found
}

// literalValue reports whether v looks like a hard-coded value rather than a
// reference to one ($VAR, ${var}, $(command), {{ template }}, <placeholder>).
func literalValue(v string) bool {
	if len(v) < 4 || nonSecretValues[strings.ToLower(v)] {
		return false
	}
	switch v[0] {
	case '$', '{', '<', '%', '(', '[', '`', '/', '-':
		return false
	}
	return true
}
