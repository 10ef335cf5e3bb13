package ec2

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/ec2"
	"github.com/vigil-sec/vigil/internal/secret"
)

func gzipped(t *testing.T, s string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestScanUserData(t *testing.T) {
	const script = "#!/bin/sh\nMYSQL_PWD=s3cr3tpass mysql\n"
	found := []ec2.Secret{{Kind: secret.Password, Line: 2}}
	b64 := base64.StdEncoding.EncodeToString
	for _, tc := range []struct {
		name    string
		v       model.String
		encoded bool
		want    ec2.UserData
	}{
		{
			name: "text",
			v:    model.Set(script, model.Origin{}),
			want: ec2.UserData{Meta: model.Meta{Certainty: model.Explicit}, Present: true, Secrets: found},
		},
		{
			name:    "base64",
			v:       model.Set(b64([]byte(script)), model.Origin{}),
			encoded: true,
			want:    ec2.UserData{Meta: model.Meta{Certainty: model.Explicit}, Present: true, Secrets: found},
		},
		{
			name:    "gzip",
			v:       model.Set(b64(gzipped(t, script))+"\n", model.Origin{}),
			encoded: true,
			want:    ec2.UserData{Meta: model.Meta{Certainty: model.Explicit}, Present: true, Secrets: found},
		},
		{
			name: "no secrets",
			v:    model.Set("#!/bin/bash\nyum install -y nginx\n", model.Origin{}),
			want: ec2.UserData{Meta: model.Meta{Certainty: model.Explicit}, Present: true},
		},
		{
			name:    "empty",
			v:       model.Set(" ", model.Origin{}),
			encoded: true,
			want:    ec2.UserData{Meta: model.Meta{Certainty: model.Explicit}},
		},
		{
			name:    "not base64",
			v:       model.Set("not base64!", model.Origin{}),
			encoded: true,
			want:    ec2.UserData{Present: true},
		},
		{
			name:    "not text",
			v:       model.Set(b64([]byte{0xff, 0xfe, 0x00}), model.Origin{}),
			encoded: true,
			want:    ec2.UserData{Present: true},
		},
		{
			name:    "too large",
			v:       model.Set(b64(bytes.Repeat([]byte("a"), maxUserData+1)), model.Origin{}),
			encoded: true,
			want:    ec2.UserData{Present: true},
		},
		{
			name:    "too large once decompressed",
			v:       model.Set(b64(gzipped(t, strings.Repeat("a", maxUserData+1))), model.Origin{}),
			encoded: true,
			want:    ec2.UserData{Present: true},
		},
		{
			name: "unresolved",
			v:    model.Unresolved[string](model.Origin{}),
			want: ec2.UserData{},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, scanUserData(tc.v, tc.encoded)); diff != "" {
				t.Errorf("scanUserData (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDecodeUserDataBomb checks that 100 MB of zeros, gzipped to about
// 100 KB, is refused after reading maxUserData, not inflated.
func TestDecodeUserDataBomb(t *testing.T) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	zeros := make([]byte, 1<<20)
	for range 100 {
		if _, err := zw.Write(zeros); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	enc := base64.StdEncoding.EncodeToString(buf.Bytes())

	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	_, ok := decodeUserData(enc)
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)

	if ok {
		t.Fatal("gzip bomb decoded")
	}
	if elapsed > time.Second {
		t.Errorf("refusing the bomb took %v", elapsed)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 8<<20 {
		t.Errorf("refusing the bomb allocated %d bytes", alloc)
	}
}

func TestScanPartialUserData(t *testing.T) {
	const u = model.UnknownPart
	for _, tc := range []struct {
		name string
		text string
		want []ec2.Secret
	}{
		{"literal next to an unknown line", "#!/bin/bash\nDB_HOST=" + u + "\nDB_PASSWORD=\"Sup3r-S3cret-Pa55\"\n", []ec2.Secret{{Kind: secret.Password, Line: 3}}},
		{"unknown value", "#!/bin/bash\nDB_PASSWORD=" + u + "\n", nil},
		{"quoted unknown value", "#!/bin/bash\nDB_PASSWORD=\"" + u + "\"\n", nil},
		{"literal prefix of an unknown value", "#!/bin/bash\nDB_PASSWORD=Sup3r-S3cret" + u + "\n", nil},
		{"quoted literal prefix of an unknown value", "#!/bin/bash\nDB_PASSWORD=\"Sup3r-S3cret" + u + "\"\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := scanPartialUserData(tc.text, model.Origin{})
			want := ec2.UserData{Meta: model.Meta{Certainty: model.Explicit}, Present: true, Secrets: tc.want}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("scanPartialUserData (-want +got):\n%s", diff)
			}
		})
	}
}
