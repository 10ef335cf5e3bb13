package terraform

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"hash"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

var (
	hashMD5    = md5.New
	hashSHA1   = sha1.New
	hashSHA256 = sha256.New
	hashSHA512 = sha512.New
)

// hashFunc builds a hash function, rendering the digest as hex, or as
// base64 when b64 is set.
func hashFunc(h func() hash.Hash, b64 bool) function.Function {
	return stringFunc(func(s string) (string, error) {
		return digest(h, []byte(s), b64), nil
	})
}

func digest(h func() hash.Hash, data []byte, b64 bool) string {
	d := h()
	d.Write(data)
	sum := d.Sum(nil)
	if b64 {
		return base64.StdEncoding.EncodeToString(sum)
	}
	return hex.EncodeToString(sum)
}

// uuidV5Func derives a name-based UUID (RFC 9562 version 5) from a
// namespace (a UUID or one of "dns", "url", "oid", "x500") and a name.
var uuidV5Func = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "namespace", Type: cty.String},
		{Name: "name", Type: cty.String},
	},
	Type: function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		ns, err := uuidNamespace(args[0].AsString())
		if err != nil {
			return cty.NilVal, err
		}
		d := sha1.New()
		d.Write(ns[:])
		d.Write([]byte(args[1].AsString()))
		var u [16]byte
		copy(u[:], d.Sum(nil))
		u[6] = u[6]&0x0f | 0x50
		u[8] = u[8]&0x3f | 0x80
		return cty.StringVal(formatUUID(u)), nil
	},
})

func uuidNamespace(s string) ([16]byte, error) {
	switch s {
	case "dns":
		s = "6ba7b810-9dad-11d1-80b4-00c04fd430c8"
	case "url":
		s = "6ba7b811-9dad-11d1-80b4-00c04fd430c8"
	case "oid":
		s = "6ba7b812-9dad-11d1-80b4-00c04fd430c8"
	case "x500":
		s = "6ba7b814-9dad-11d1-80b4-00c04fd430c8"
	}
	var u [16]byte
	if len(s) != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
		return u, fmt.Errorf("uuidv5() doesn't support namespace %q", s)
	}
	h := s[0:8] + s[9:13] + s[14:18] + s[19:23] + s[24:]
	b, err := hex.DecodeString(h)
	if err != nil {
		return u, fmt.Errorf("uuidv5() doesn't support namespace %q", s)
	}
	copy(u[:], b)
	return u, nil
}

func formatUUID(u [16]byte) string {
	h := hex.EncodeToString(u[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}
