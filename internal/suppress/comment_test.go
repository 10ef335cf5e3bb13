package suppress

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func date(s string) time.Time {
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestParseComment(t *testing.T) {
	type d struct {
		Tool    tool
		Keys    []string
		Expires time.Time
		Reason  string
		Text    string
	}
	tests := []struct {
		name    string
		in      string
		want    []d
		wantErr []string
	}{
		{name: "ours", in: " vigil:ignore:AWS-S3-001 public website",
			want: []d{{toolVigil, []string{"AWS-S3-001"}, time.Time{}, "public website", "vigil:ignore:AWS-S3-001"}}},
		{name: "ours expiry", in: " vigil:ignore:AWS-S3-001:exp:2026-12-31 until migration",
			want: []d{{toolVigil, []string{"AWS-S3-001"}, date("2026-12-31"), "until migration", "vigil:ignore:AWS-S3-001:exp:2026-12-31"}}},
		{name: "ours list and slug", in: "vigil:ignore:AWS-S3-001,aws-s3-bucket-versioning why",
			want: []d{{toolVigil, []string{"AWS-S3-001", "aws-s3-bucket-versioning"}, time.Time{}, "why", "vigil:ignore:AWS-S3-001,aws-s3-bucket-versioning"}}},
		{name: "ours wildcard", in: " vigil:ignore:* sandbox account",
			want: []d{{toolVigil, []string{"*"}, time.Time{}, "sandbox account", "vigil:ignore:*"}}},
		{name: "no reason", in: " vigil:ignore:AWS-S3-001",
			want: []d{{toolVigil, []string{"AWS-S3-001"}, time.Time{}, "", "vigil:ignore:AWS-S3-001"}}},
		{name: "prefix case-insensitive", in: " VIGIL:IGNORE:aws-s3-001 x",
			want: []d{{toolVigil, []string{"aws-s3-001"}, time.Time{}, "x", "VIGIL:IGNORE:aws-s3-001"}}},
		{name: "tfsec", in: "tfsec:ignore:aws-s3-enable-versioning",
			want: []d{{toolTfsec, []string{"aws-s3-enable-versioning"}, time.Time{}, "", "tfsec:ignore:aws-s3-enable-versioning"}}},
		{name: "tfsec expiry and workspace", in: "tfsec:ignore:AVD-AWS-0090:exp:2025-01-02:ws:prod",
			want: []d{{toolTfsec, []string{"AVD-AWS-0090"}, date("2025-01-02"), "", "tfsec:ignore:AVD-AWS-0090:exp:2025-01-02:ws:prod"}}},
		{name: "trivy several per line", in: "trivy:ignore:AVD-AWS-0090 #trivy:ignore:aws-s3-block-public-acls:exp:2030-01-01",
			want: []d{
				{toolTrivy, []string{"AVD-AWS-0090"}, time.Time{}, "", "trivy:ignore:AVD-AWS-0090"},
				{toolTrivy, []string{"aws-s3-block-public-acls"}, date("2030-01-01"), "", "trivy:ignore:aws-s3-block-public-acls:exp:2030-01-01"},
			}},
		{name: "trivy selector", in: "trivy:ignore:aws-ec2-no-public-ingress-sgr[from_port=3306]",
			want: []d{{toolTrivy, []string{"aws-ec2-no-public-ingress-sgr"}, time.Time{}, "", "trivy:ignore:aws-ec2-no-public-ingress-sgr[from_port=3306]"}}},
		{name: "trivy selector with spaces and expiry", in: "trivy:ignore:AVD-AWS-0107[tags.Name=my sg]:exp:2030-01-01",
			want: []d{{toolTrivy, []string{"AVD-AWS-0107"}, date("2030-01-01"), "", "trivy:ignore:AVD-AWS-0107[tags.Name=my sg]:exp:2030-01-01"}}},
		{name: "checkov", in: "checkov:skip=CKV_AWS_21:versioning is handled by backups",
			want: []d{{toolCheckov, []string{"CKV_AWS_21"}, time.Time{}, "versioning is handled by backups", "checkov:skip=CKV_AWS_21"}}},
		{name: "checkov no reason", in: "checkov:skip=CKV2_AWS_6",
			want: []d{{toolCheckov, []string{"CKV2_AWS_6"}, time.Time{}, "", "checkov:skip=CKV2_AWS_6"}}},
		{name: "prose is not a directive", in: " the vigil:ignored flag and trivy:ignorefile"},
		{name: "glued to a word is not a directive", in: " myvigil:ignore:AWS-S3-001"},
		{name: "missing ID", in: " vigil:ignore: because", wantErr: []string{"want vigil:ignore:<check ID>"}},
		{name: "space instead of colon", in: " vigil:ignore AWS-S3-001", wantErr: []string{"want vigil:ignore:<check ID>"}},
		{name: "bad date", in: " vigil:ignore:AWS-S3-001:exp:2026-13-01 x",
			wantErr: []string{`invalid expiry date "2026-13-01" in vigil:ignore: want YYYY-MM-DD`}},
		{name: "unknown option", in: " tfsec:ignore:AWS-S3-001:until:2026", wantErr: []string{`unknown option "until" in tfsec:ignore: want :exp:YYYY-MM-DD`}},
		{name: "junk after ID", in: " vigil:ignore:AWS-S3-001;x", wantErr: []string{`unexpected ";" after vigil:ignore:AWS-S3-001`}},
		{name: "unterminated selector", in: "trivy:ignore:A[x=1", wantErr: []string{"unterminated attribute selector in trivy:ignore:A"}},
		{name: "checkov missing equals", in: "checkov:skip CKV_AWS_21", wantErr: []string{"want checkov:skip=<check ID>"}},
		{name: "one bad one good", in: "vigil:ignore: x vigil:ignore:AWS-S3-002 y",
			want:    []d{{toolVigil, []string{"AWS-S3-002"}, time.Time{}, "y", "vigil:ignore:AWS-S3-002"}},
			wantErr: []string{"want vigil:ignore:<check ID>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds, errs := parseComment(tt.in)
			var got []d
			for _, x := range ds {
				got = append(got, d{x.tool, x.keys, x.expires, x.reason, x.text})
				if tt.in[x.start:x.end] != x.text {
					t.Errorf("offsets [%d:%d] give %q, want %q", x.start, x.end, tt.in[x.start:x.end], x.text)
				}
			}
			var gotErr []string
			for _, e := range errs {
				gotErr = append(gotErr, e.msg)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("directives (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantErr, gotErr); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

// FuzzParseComment checks that no comment text makes the parser panic or
// return offsets outside the text, and that the file lexer survives the same
// input as a whole file.
func FuzzParseComment(f *testing.F) {
	for _, s := range []string{
		" vigil:ignore:AWS-S3-001:exp:2026-12-31 reason",
		"trivy:ignore:AVD-AWS-0090 #trivy:ignore:x[a=b]:exp:2030-01-01",
		"tfsec:ignore:aws-s3-enable-versioning:ws:prod",
		"checkov:skip=CKV_AWS_21:reason",
		"vigil:ignore:*",
		"vigil:ignore:,",
		"trivy:ignore:a[",
		"vigil:ignore:a:exp:",
		"resource \"a\" \"b\" { # vigil:ignore:A x\n  s = <<EOF\n# vigil:ignore:B\nEOF\n  /* trivy:ignore:C\n  */ t = \"${\"#\"}\" // checkov:skip=D\n}",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ds, errs := parseComment(s)
		for _, d := range ds {
			if d.start < 0 || d.end > len(s) || d.start >= d.end || len(d.keys) == 0 {
				t.Fatalf("bad directive %+v for %q", d, s)
			}
			for _, k := range d.keys {
				if k == "" {
					t.Fatalf("empty key in %+v for %q", d, s)
				}
			}
		}
		for _, e := range errs {
			if e.start < 0 || e.end > len(s)+1 || e.start > e.end {
				t.Fatalf("bad error range %+v for %q", e, s)
			}
		}
		for _, name := range []string{"main.tf", "template.yaml"} {
			sc := scanFile(name, []byte(s))
			lines := strings.Count(s, "\n") + 1
			if len(sc.kinds) > lines {
				t.Fatalf("%s: %d line kinds for %d lines", name, len(sc.kinds), lines)
			}
			for _, c := range sc.comments {
				if c.line < 1 || c.line > lines || sc.target(c.line) > lines {
					t.Fatalf("%s: comment %+v outside the input", name, c)
				}
				parseComment(c.text)
			}
		}
	})
}
