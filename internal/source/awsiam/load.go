package awsiam

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws"
)

// MaxSize caps a snapshot's size once decompressed. The largest accounts'
// snapshots are tens of MiB; the cap keeps a gzip bomb from exhausting
// memory.
const MaxSize = 512 << 20

// sniffSize is how much of a compressed snapshot IsSnapshot decompresses.
const sniffSize = 1 << 20

// IsSnapshot reports whether data, the start of a file or all of it, looks
// like GAAD output: a JSON object naming UserDetailList, GroupDetailList or
// RoleDetailList. Gzip-compressed data is looked into.
func IsSnapshot(data []byte) bool {
	if isGzip(data) {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return false
		}
		// A prefix of a compressed file decompresses to a prefix of the
		// snapshot, ending in an error that does not matter here.
		data, _ = io.ReadAll(io.LimitReader(zr, sniffSize))
	}
	data = utf8Text(data)
	if t := bytes.TrimLeft(data, " \t\r\n"); len(t) == 0 || t[0] != '{' {
		return false
	}
	for _, key := range []string{`"UserDetailList"`, `"GroupDetailList"`, `"RoleDetailList"`} {
		if bytes.Contains(data, []byte(key)) {
			return true
		}
	}
	return false
}

// Load reads a GAAD snapshot, plain or gzip-compressed, into the IAM part of
// an AWS state. name is the file's path as diagnostics should show it.
//
// Problems are diagnostics: a snapshot that cannot be read or parsed is an
// error and gives a nil state; a value that cannot be read (a date, a policy
// document's encoding) is a warning and stays unknown, and a truncated
// snapshot is a warning.
func Load(r io.Reader, name string) (*aws.State, model.Diagnostics) {
	return load(r, name, MaxSize)
}

func load(r io.Reader, name string, limit int64) (*aws.State, model.Diagnostics) {
	var diags model.Diagnostics
	file := model.Range{File: name}
	data, err := read(r, limit)
	if err != nil {
		diags.Errorf(file, "read IAM snapshot: %v", err)
		return nil, diags
	}
	data = utf8Text(data)
	if len(bytes.TrimSpace(data)) == 0 {
		diags.Errorf(file, "parse IAM snapshot: the file is empty")
		return nil, diags
	}
	var snap snapshot
	if err := json.Unmarshal(data, &snap); err != nil {
		diags.Errorf(errorRange(name, data, err), "parse IAM snapshot: %s", describe(err))
		return nil, diags
	}
	if snap.UserDetailList == nil && snap.GroupDetailList == nil && snap.RoleDetailList == nil && snap.Policies == nil {
		diags.Errorf(file, "parse IAM snapshot: no UserDetailList, GroupDetailList, RoleDetailList or Policies: not get-account-authorization-details output")
		return nil, diags
	}
	st := &aws.State{}
	st.IAM, diags = adapt(&snap, name)
	return st, diags
}

// read reads all of r, decompressing gzip (told by its magic bytes), up to
// limit bytes.
func read(r io.Reader, limit int64) ([]byte, error) {
	br := bufio.NewReader(r)
	var src io.Reader = br
	magic, _ := br.Peek(2)
	compressed := isGzip(magic)
	if compressed {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("decompress: %w", err)
		}
		defer zr.Close()
		src = zr
	}
	data, err := io.ReadAll(io.LimitReader(src, limit+1))
	switch {
	case err != nil && compressed:
		return nil, fmt.Errorf("decompress: %w", err)
	case err != nil:
		return nil, err
	case int64(len(data)) > limit && compressed:
		return nil, fmt.Errorf("snapshot is larger than %s decompressed", size(limit))
	case int64(len(data)) > limit:
		return nil, fmt.Errorf("snapshot is larger than %s", size(limit))
	}
	return data, nil
}

func isGzip(b []byte) bool { return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b }

func size(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// utf8Text returns data as UTF-8 without a byte order mark. Windows
// PowerShell's redirection writes UTF-16 with a BOM, which is decoded; any
// other data is returned as is.
func utf8Text(data []byte) []byte {
	var order binary.ByteOrder
	switch {
	case bytes.HasPrefix(data, []byte{0xef, 0xbb, 0xbf}):
		return data[3:]
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		order = binary.LittleEndian
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		order = binary.BigEndian
	default:
		return data
	}
	units := make([]uint16, (len(data)-2)/2)
	for i := range units {
		units[i] = order.Uint16(data[2+2*i:])
	}
	out := make([]byte, 0, len(units))
	for _, r := range utf16.Decode(units) {
		out = utf8.AppendRune(out, r)
	}
	return out
}

// errorRange locates a JSON error in data by line and column, when the
// error says where it is.
func errorRange(name string, data []byte, err error) model.Range {
	var offset int64
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		offset = se.Offset
	case errors.As(err, &te):
		offset = te.Offset
	default:
		return model.Range{File: name}
	}
	before := data[:min(max(offset, 0), int64(len(data)))]
	line := bytes.Count(before, []byte("\n")) + 1
	col := len(before) - bytes.LastIndexByte(before, '\n')
	return model.Range{File: name, StartLine: line, StartCol: col, EndLine: line, EndCol: col}
}

// describe words a JSON error for users: where a value of the wrong kind
// is, in the snapshot's own field names.
func describe(err error) string {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		return err.Error()
	}
	t := te.Type
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	want := "an object"
	switch t.Kind() {
	case reflect.String:
		want = "a string"
	case reflect.Bool:
		want = "a boolean"
	case reflect.Slice, reflect.Array:
		want = "a list"
	}
	got := map[string]string{"array": "a list", "object": "an object", "string": "a string", "bool": "a boolean"}[te.Value]
	if got == "" {
		got = "a " + te.Value
	}
	if te.Field == "" {
		return fmt.Sprintf("%s where %s is expected", got, want)
	}
	return fmt.Sprintf("%s: %s where %s is expected", te.Field, got, want)
}
