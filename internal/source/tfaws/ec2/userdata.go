package ec2

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/ec2"
	"github.com/vigil-sec/vigil/internal/secret"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// maxUserData bounds decoded user data. AWS accepts 16 KB; the bound is far
// above that and keeps a hostile input, such as a gzip bomb, from expanding
// without limit.
const maxUserData = 1 << 20

// userData scans the plain-text or base64 user data attribute of b.
//
// Plain-text user data written as a template with unknown parts (a heredoc
// interpolating a variable next to a hard-coded password) is scanned in its
// partial rendering. The unknown parts are the values of variables,
// resources and function calls, never literal text, so every credential the
// configuration writes out is still in the text; only literal text inside a
// %{if} or %{for} directive over an unknown value is not. Base64 user data is
// not scanned partially: an unknown part of it cannot be decoded around.
func userData(b *tfres.Block, plain, encoded string) ec2.UserData {
	switch {
	case b.Has(plain):
		v := b.String(plain, "")
		if text, ok := b.PartialString(plain); ok && !v.Known() {
			return scanPartialUserData(text, v.Origin)
		}
		return scanUserData(v, false)
	case b.Has(encoded):
		return scanUserData(b.String(encoded, ""), true)
	case b.Unknown():
		return ec2.UserData{Meta: model.Meta{Origin: b.Origin}}
	}
	return ec2.UserData{Meta: model.Meta{Origin: b.Origin, Certainty: model.Defaulted}}
}

// scanUserData records where secrets appear in user data given as text, or
// base64-encoded (and possibly gzip-compressed) when encoded is set. User
// data that does not decode to text, or decodes to more than maxUserData,
// is Unknown.
func scanUserData(v model.String, encoded bool) ec2.UserData {
	s, ok := v.Get()
	if !ok {
		return ec2.UserData{Meta: v.Meta}
	}
	if encoded {
		s = strings.TrimSpace(s)
		if s == "" {
			return ec2.UserData{Meta: v.Meta}
		}
		if s, ok = decodeUserData(s); !ok {
			return ec2.UserData{Meta: model.Meta{Origin: v.Origin}, Present: true}
		}
	}
	if s == "" {
		return ec2.UserData{Meta: v.Meta}
	}
	ud := ec2.UserData{Meta: v.Meta, Present: true}
	for _, m := range secret.Scan(s) {
		ud.Secrets = append(ud.Secrets, ec2.Secret{Kind: m.Kind, Line: m.Line})
	}
	return ud
}

// scanPartialUserData scans user data text holding model.UnknownPart. Each
// unknown part is written as "<unknown>" first: the scanner reads a value
// holding it as a placeholder (as it reads "<password>"), so a literal run
// together with an unknown part ("PASSWORD=prefix${var.suffix}") is not
// taken for a whole credential, while literal text keeps its lines.
func scanPartialUserData(text string, o model.Origin) ec2.UserData {
	ud := ec2.UserData{Meta: model.Meta{Origin: o, Certainty: model.Explicit}, Present: true}
	for _, m := range secret.Scan(strings.ReplaceAll(text, model.UnknownPart, "<unknown>")) {
		ud.Secrets = append(ud.Secrets, ec2.Secret{Kind: m.Kind, Line: m.Line})
	}
	return ud
}

// decodeUserData decodes base64 user data, decompressing it when gzipped as
// cloud-init allows. It reports false for data that is not base64, not
// UTF-8 text, or larger than maxUserData once decoded; decompression stops
// reading past that size.
func decodeUserData(s string) (string, bool) {
	if len(s) > base64.StdEncoding.EncodedLen(maxUserData) {
		return "", false
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil || len(b) > maxUserData {
		return "", false
	}
	if bytes.HasPrefix(b, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return "", false
		}
		b, err = io.ReadAll(io.LimitReader(zr, maxUserData+1))
		if err != nil || len(b) > maxUserData {
			return "", false
		}
	}
	if !utf8.Valid(b) {
		return "", false
	}
	return string(b), true
}
