package secret

import (
	"math"
	"regexp"
	"slices"
	"strings"
)

// Kinds of credential Classify and Scan recognise.
const (
	AWSAccessKeyID     = "AWS access key ID"
	AWSSecretAccessKey = "AWS secret access key"
	PrivateKey         = "private key"
	GitHubToken        = "GitHub token"
	SlackToken         = "Slack token"
	StripeKey          = "Stripe secret key"
	Password           = "password"
	Token              = "secret or token"
)

// shape recognises a credential by its shape, whatever it is named. example,
// when set, tells a vendor's documented example, which grants nothing, from a
// real credential.
type shape struct {
	kind    string
	re      *regexp.Regexp
	example func(string) bool
}

// in reports whether s holds the shape anywhere, other than as an example.
func (p shape) in(s string) bool {
	for _, m := range p.re.FindAllString(s, -1) {
		if p.example == nil || !p.example(m) {
			return true
		}
	}
	return false
}

var valuePatterns = []shape{
	{AWSAccessKeyID, regexp.MustCompile(`\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b`), awsExample("EXAMPLE")},
	{PrivateKey, privateKeyBegin, nil},
	{GitHubToken, regexp.MustCompile(`\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{60,})\b`), nil},
	{SlackToken, regexp.MustCompile(`\bxox[abposr]-[A-Za-z0-9-]{10,}\b`), nil},
	{StripeKey, regexp.MustCompile(`\b[sr]k_live_[A-Za-z0-9]{20,}\b`), nil},
}

// privateKeyBegin is the first line of a PEM or OpenSSH private key.
var privateKeyBegin = regexp.MustCompile(`-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----`)

// tokenPrefix starts the vendor tokens of valuePatterns: a value assigned to
// a token name that starts with one is a token even when shorter than the
// full shape.
var tokenPrefix = regexp.MustCompile(`^(?:gh[pousr]_|github_pat_|xox[abposr]-|[sr]k_live_)`)

// awsSecretShape is the shape of an AWS secret access key: 40 base64
// characters. AWS documents the example secret ending in "EXAMPLEKEY".
var (
	awsSecretShape   = regexp.MustCompile(`^[A-Za-z0-9/+]{40}$`)
	awsSecretExample = awsExample("EXAMPLEKEY")
)

// awsExample reports whether a key is one of AWS's documented examples,
// which end in suffix.
func awsExample(suffix string) func(string) bool {
	return func(k string) bool { return strings.HasSuffix(k, suffix) }
}

// Name words that say a variable holds a credential, and words that say it
// holds a pointer to one (SECRET_ARN, PASSWORD_PARAMETER) or something else
// about it (TOKEN_URL, SECRET_ROTATION_DAYS, PASSWORD_POLICY).
var (
	passwordWords = []string{"PASSWORD", "PASSWD", "PASSPHRASE", "PWD"}
	tokenWords    = []string{"SECRET", "TOKEN", "APIKEY", "ACCESSKEY", "PRIVATEKEY", "CREDENTIAL", "AUTHKEY", "SIGNINGKEY"}
	pointerWords  = []string{"ARN", "NAME", "ID", "PATH", "PARAM", "PARAMETER", "REF", "URL", "URI", "ENDPOINT", "FILE", "HEADER", "ENABLED", "LENGTH", "TTL", "EXPIRY", "EXPIRES", "DAYS", "TYPE", "VERSION", "REGION", "KEYID", "POLICY"}
)

// referencePrefixes start values that name where a secret lives, or compute
// it at run time, rather than holding it: ARNs, dynamic references, paths,
// URLs, shell and template expansions ($VAR, ${var}, $(cmd), `cmd`, %VAR%,
// {{ template }}) and YAML flow collections.
var referencePrefixes = []string{"arn:", "ssm:", "secretsmanager:", "vault:", "projects/", "https://", "http://", "s3://", "/", "$", "{", "%", "(", "[", "`"}

// placeholderWords mark values that stand in for a credential (changeme,
// <password>, ********), and placeholderValues are whole values that cannot
// be one.
var (
	placeholderWords  = []string{"changeme", "change_me", "placeholder", "example", "xxxxxxxx", "****", "<", "todo", "replace"}
	placeholderValues = []string{"true", "false", "yes", "no", "null", "none", "nil", "required", "optional", "enabled", "disabled"}
)

// Classify returns the kind of credential that a variable named name with
// value value looks like, or "" when it looks like none. Callers must never
// keep or print value; only the kind.
func Classify(name, value string) string {
	if k := shapeKind(value); k != "" {
		return k
	}
	words := nameWords(name)
	if hasWord(words, pointerWords) || isReference(value) {
		return ""
	}
	joined := strings.Join(words, "")
	switch {
	case strings.Contains(joined, "SECRETACCESSKEY"):
		if awsSecretShape.MatchString(value) && !awsSecretExample(value) {
			return AWSSecretAccessKey
		}
	case containsAny(joined, passwordWords):
		if looksLikePassword(value) {
			return Password
		}
	case containsAny(joined, tokenWords):
		if looksLikeToken(value) {
			return Token
		}
	}
	return ""
}

// shapeKind returns the kind of the first credential shape found anywhere in
// s, or "".
func shapeKind(s string) string {
	for _, p := range valuePatterns {
		if p.in(s) {
			return p.kind
		}
	}
	return ""
}

// nameWords splits a variable name into upper-case words on anything that is
// not a letter or digit, and on lower-to-upper case changes (dbPassword).
func nameWords(name string) []string {
	var words []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			words = append(words, strings.ToUpper(cur.String()))
			cur.Reset()
		}
	}
	prevLower := false
	for _, r := range name {
		isLetter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		isDigit := r >= '0' && r <= '9'
		switch {
		case !isLetter && !isDigit:
			flush()
			prevLower = false
			continue
		case r >= 'A' && r <= 'Z' && prevLower:
			flush()
		}
		cur.WriteRune(r)
		prevLower = r >= 'a' && r <= 'z'
	}
	flush()
	return words
}

func hasWord(words, set []string) bool {
	for _, w := range words {
		for _, s := range set {
			if w == s {
				return true
			}
		}
	}
	return false
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

func isReference(v string) bool {
	for _, p := range referencePrefixes {
		if strings.HasPrefix(v, p) {
			return true
		}
	}
	return false
}

// looksLikePassword accepts a literal of at least 8 characters without spaces
// that is not a placeholder and whose characters vary (aaaaaaaa, 12121212 do
// not).
func looksLikePassword(v string) bool {
	if !candidate(v) {
		return false
	}
	return entropy(v) >= 2.5
}

// looksLikeToken accepts a literal of at least 8 characters without spaces
// that starts with a known token prefix, or mixes letters and digits with
// high entropy, as generated keys and tokens do.
func looksLikeToken(v string) bool {
	if !candidate(v) {
		return false
	}
	if tokenPrefix.MatchString(v) {
		return true
	}
	var letters, digits bool
	for _, r := range v {
		switch {
		case r >= '0' && r <= '9':
			digits = true
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
			letters = true
		}
	}
	return letters && digits && entropy(v) >= 3
}

// candidate reports whether v could be a literal credential at all: long
// enough, a single word, and not a placeholder.
func candidate(v string) bool {
	return len(v) >= 8 && !strings.ContainsAny(v, " \t\r\n") && !isPlaceholder(v)
}

func isPlaceholder(v string) bool {
	l := strings.ToLower(v)
	return containsAny(l, placeholderWords) || slices.Contains(placeholderValues, l)
}

// entropy is the Shannon entropy of s in bits per byte.
func entropy(s string) float64 {
	var counts [256]int
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	var h float64
	n := float64(len(s))
	for _, c := range counts {
		if c == 0 {
			continue
		}
		p := float64(c) / n
		h -= p * math.Log2(p)
	}
	return h
}
