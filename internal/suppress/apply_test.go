package suppress

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/config"
	"github.com/vigil-sec/vigil/internal/model"
)

func testCheck(id, slug string, eq check.Equivalents) *check.Check {
	return &check.Check{
		ID: id, Slug: slug, Title: "title", Provider: "aws", Service: "s3", Severity: check.High,
		Description: "description", Rationale: "rationale", Remediation: check.Remediation{Text: "fix it"},
		Equivalents: eq,
		Evaluate:    func(*check.Input, *check.Reporter) {},
	}
}

var (
	s3Public = testCheck("AWS-S3-001", "aws-s3-bucket-public-read", check.Equivalents{
		AVD: []string{"AVD-AWS-0086"}, Tfsec: []string{"aws-s3-block-public-acls"}, Checkov: []string{"CKV_AWS_53"}})
	s3Versioning = testCheck("AWS-S3-002", "aws-s3-bucket-versioning", check.Equivalents{
		AVD: []string{"AVD-AWS-0090"}, Tfsec: []string{"aws-s3-enable-versioning"}, Checkov: []string{"CKV_AWS_21"}})
	sgOpen = testCheck("AWS-EC2-001", "aws-ec2-sg-open-ingress", check.Equivalents{
		AVD: []string{"AVD-AWS-0107"}, Tfsec: []string{"aws-ec2-no-public-ingress-sgr"}, Checkov: []string{"CKV_AWS_24"}})
)

func testRegistry(t testing.TB) *check.Registry {
	t.Helper()
	reg, err := check.NewRegistry(s3Public, s3Versioning, sgOpen)
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

// fail builds a failing finding of c on resource res, defined in file on
// lines start-end, with the offending value on line at.
func fail(c *check.Check, res, file string, start, end, at int) check.Finding {
	return check.Finding{
		Check:    c,
		Status:   check.Fail,
		Resource: model.Resource{ID: res, Type: strings.Split(res, ".")[0], Origin: model.Origin{Range: model.Range{File: file, StartLine: start, EndLine: end}}},
		Origin:   model.Origin{Range: model.Range{File: file, StartLine: at, EndLine: at}},
		Message:  "message",
	}
}

// inModule puts f inside a module call.
func inModule(f check.Finding, calls ...model.Call) check.Finding {
	f.Resource.Origin.Module = calls
	f.Origin.Module = calls
	return f
}

func pass(f check.Finding) check.Finding {
	f.Status = check.Pass
	f.Origin = f.Resource.Origin
	return f
}

func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

// state renders what Apply decided about a finding.
func state(f check.Finding) string {
	s := f.Check.ID + " " + f.Resource.ID
	sp := f.Suppression
	if sp == nil {
		return s + " open"
	}
	kind := map[check.SuppressionKind]string{check.InSource: "in-source", check.External: "external"}[sp.Kind]
	s += fmt.Sprintf(" muted %s %s %q", kind, sp.Source, sp.Justification)
	if !sp.Expires.IsZero() {
		s += " until " + sp.Expires.Format(dateLayout)
	}
	return s
}

var testNow = time.Date(2026, 6, 15, 12, 0, 0, 0, time.UTC)

func TestApply(t *testing.T) {
	tests := []struct {
		name      string
		files     map[string]string
		findings  []check.Finding
		opts      Options
		want      []string
		wantDiags []string
	}{
		{
			name: "above a resource block mutes all its findings of that check",
			files: map[string]string{"main.tf": lines(
				`# vigil:ignore:AWS-S3-001 public website bucket`,
				`resource "aws_s3_bucket" "site" {`,
				`  bucket = "site"`,
				`  acl    = "public-read"`,
				`}`,
				`resource "aws_s3_bucket" "other" {`,
				`  acl    = "public-read"`,
				`}`,
			)},
			findings: []check.Finding{
				fail(s3Public, "aws_s3_bucket.site", "main.tf", 2, 5, 4),
				fail(s3Versioning, "aws_s3_bucket.site", "main.tf", 2, 5, 2),
				fail(s3Public, "aws_s3_bucket.other", "main.tf", 6, 8, 7),
			},
			want: []string{
				`AWS-S3-001 aws_s3_bucket.site muted in-source main.tf:1 "public website bucket"`,
				`AWS-S3-002 aws_s3_bucket.site open`,
				`AWS-S3-001 aws_s3_bucket.other open`,
			},
		},
		{
			name: "above a block mutes a finding on its header line (absent setting)",
			files: map[string]string{"main.tf": lines(
				`// vigil:ignore:aws-s3-bucket-versioning versioning is managed by the backup plan`,
				`resource "aws_s3_bucket" "a" {`,
				`  bucket = "a"`,
				`}`,
			)},
			findings: []check.Finding{fail(s3Versioning, "aws_s3_bucket.a", "main.tf", 2, 4, 2)},
			want:     []string{`AWS-S3-002 aws_s3_bucket.a muted in-source main.tf:1 "versioning is managed by the backup plan"`},
		},
		{
			name: "end of the offending line mutes only that line",
			files: map[string]string{"main.tf": lines(
				`resource "aws_s3_bucket" "logs" {`,
				`  acl = "public-read" # vigil:ignore:AWS-S3-001 log delivery needs it`,
				`  versioning {`,
				`    enabled = false`,
				`  }`,
				`}`,
			)},
			findings: []check.Finding{
				fail(s3Public, "aws_s3_bucket.logs", "main.tf", 1, 6, 2),
				fail(s3Versioning, "aws_s3_bucket.logs", "main.tf", 1, 6, 4),
			},
			want: []string{
				`AWS-S3-001 aws_s3_bucket.logs muted in-source main.tf:2 "log delivery needs it"`,
				`AWS-S3-002 aws_s3_bucket.logs open`,
			},
		},
		{
			name: "end of a header line mutes the resource",
			files: map[string]string{"main.tf": lines(
				`resource "aws_s3_bucket" "logs" { # vigil:ignore:AWS-S3-002 short-lived`,
				`  acl = "private"`,
				`}`,
			)},
			findings: []check.Finding{fail(s3Versioning, "aws_s3_bucket.logs", "main.tf", 1, 3, 1)},
			want:     []string{`AWS-S3-002 aws_s3_bucket.logs muted in-source main.tf:1 "short-lived"`},
		},
		{
			name: "above a nested block or attribute, through comment lines, with every comment token",
			files: map[string]string{"main.tf": lines(
				`resource "aws_s3_bucket" "logs" {`,
				`  # vigil:ignore:AWS-S3-002 backups cover this`,
				`  # (ticket SEC-12)`,
				`  versioning {`,
				`    enabled = false`,
				`  }`,
				`  /* vigil:ignore:AWS-S3-001 public by design */`,
				`  acl = "public-read"`,
				`}`,
			)},
			findings: []check.Finding{
				fail(s3Versioning, "aws_s3_bucket.logs", "main.tf", 1, 9, 5),
				fail(s3Public, "aws_s3_bucket.logs", "main.tf", 1, 9, 8),
			},
			want: []string{
				`AWS-S3-002 aws_s3_bucket.logs muted in-source main.tf:2 "backups cover this"`,
				`AWS-S3-001 aws_s3_bucket.logs muted in-source main.tf:7 "public by design"`,
			},
		},
		{
			name: "above a block that sets a joined resource's value",
			files: map[string]string{"main.tf": lines(
				`resource "aws_s3_bucket" "a" {`,
				`}`,
				`# vigil:ignore:AWS-S3-002 suspended during the migration`,
				`resource "aws_s3_bucket_versioning" "a" {`,
				`  bucket = aws_s3_bucket.a.id`,
				`  versioning_configuration {`,
				`    status = "Suspended"`,
				`  }`,
				`}`,
			)},
			findings: []check.Finding{fail(s3Versioning, "aws_s3_bucket.a", "main.tf", 1, 2, 7)},
			want:     []string{`AWS-S3-002 aws_s3_bucket.a muted in-source main.tf:3 "suspended during the migration"`},
		},
		{
			name: "a blank line detaches the comment",
			files: map[string]string{"main.tf": lines(
				`# vigil:ignore:AWS-S3-001 public website`,
				``,
				`resource "aws_s3_bucket" "site" {`,
				`  acl = "public-read"`,
				`}`,
			)},
			findings:  []check.Finding{fail(s3Public, "aws_s3_bucket.site", "main.tf", 3, 5, 4)},
			want:      []string{`AWS-S3-001 aws_s3_bucket.site open`},
			wantDiags: []string{`main.tf:1: warning: unused suppression: vigil:ignore:AWS-S3-001 matched no failing finding`},
		},
		{
			name: "lists, wildcard and case-insensitive IDs",
			files: map[string]string{"main.tf": lines(
				`# vigil:ignore:aws-s3-001,AWS-S3-002 legacy bucket, replaced in Q3`,
				`resource "aws_s3_bucket" "a" {`,
				`  acl = "public-read"`,
				`}`,
				`# vigil:ignore:* scratch bucket`,
				`resource "aws_s3_bucket" "b" {`,
				`  acl = "public-read"`,
				`}`,
			)},
			findings: []check.Finding{
				fail(s3Public, "aws_s3_bucket.a", "main.tf", 2, 4, 3),
				fail(s3Versioning, "aws_s3_bucket.a", "main.tf", 2, 4, 2),
				fail(s3Public, "aws_s3_bucket.b", "main.tf", 6, 8, 7),
				fail(s3Versioning, "aws_s3_bucket.b", "main.tf", 6, 8, 6),
			},
			want: []string{
				`AWS-S3-001 aws_s3_bucket.a muted in-source main.tf:1 "legacy bucket, replaced in Q3"`,
				`AWS-S3-002 aws_s3_bucket.a muted in-source main.tf:1 "legacy bucket, replaced in Q3"`,
				`AWS-S3-001 aws_s3_bucket.b muted in-source main.tf:5 "scratch bucket"`,
				`AWS-S3-002 aws_s3_bucket.b muted in-source main.tf:5 "scratch bucket"`,
			},
		},
		{
			name: "expiry applies through its day, then warns",
			files: map[string]string{"main.tf": lines(
				`# vigil:ignore:AWS-S3-001:exp:2026-06-15 until the CDN migration`,
				`resource "aws_s3_bucket" "a" {`,
				`  acl = "public-read"`,
				`}`,
				`# vigil:ignore:AWS-S3-001:exp:2026-06-14 until the CDN migration`,
				`resource "aws_s3_bucket" "b" {`,
				`  acl = "public-read"`,
				`}`,
			)},
			findings: []check.Finding{
				fail(s3Public, "aws_s3_bucket.a", "main.tf", 2, 4, 3),
				fail(s3Public, "aws_s3_bucket.b", "main.tf", 6, 8, 7),
			},
			want: []string{
				`AWS-S3-001 aws_s3_bucket.a muted in-source main.tf:1 "until the CDN migration" until 2026-06-15`,
				`AWS-S3-001 aws_s3_bucket.b open`,
			},
			wantDiags: []string{`main.tf:5: warning: suppression expired on 2026-06-14: vigil:ignore:AWS-S3-001:exp:2026-06-14 no longer applies; fix the finding or renew the date`},
		},
		{
			name: "missing reason and unknown check",
			files: map[string]string{"main.tf": lines(
				`# vigil:ignore:AWS-S3-001`,
				`resource "aws_s3_bucket" "a" {`,
				`  acl = "public-read" # vigil:ignore:AWS-S3-999,AWS-S3-001 typo in the first ID`,
				`}`,
			)},
			findings: []check.Finding{fail(s3Public, "aws_s3_bucket.a", "main.tf", 2, 4, 3)},
			want:     []string{`AWS-S3-001 aws_s3_bucket.a muted in-source main.tf:1 "vigil:ignore:AWS-S3-001"`},
			wantDiags: []string{
				`main.tf:1: warning: suppression without a reason: write why after the check, e.g. "# vigil:ignore:AWS-S3-001 bucket serves the public website"`,
				`main.tf:3: warning: suppression names unknown check AWS-S3-999`,
			},
		},
		{
			name: "other scanners' IDs without an equivalent are silent",
			files: map[string]string{"main.tf": lines(
				`#checkov:skip=CKV_AWS_9999:not a check Vigil has`,
				`resource "aws_s3_bucket" "a" {`,
				`  #checkov:skip=CKV2_AWS_62:event notifications are out of scope`,
				`  acl = "public-read" #tfsec:ignore:aws-nope-nothing`,
				`}`,
			)},
			findings:  []check.Finding{fail(s3Public, "aws_s3_bucket.a", "main.tf", 2, 5, 4)},
			want:      []string{`AWS-S3-001 aws_s3_bucket.a open`},
			wantDiags: nil,
		},
		{
			name: "malformed comment",
			files: map[string]string{"main.tf": lines(
				`# vigil:ignore:AWS-S3-001:exp:2026-13-01 bad month`,
				`resource "aws_s3_bucket" "a" {`,
				`  acl = "public-read"`,
				`}`,
			)},
			findings:  []check.Finding{fail(s3Public, "aws_s3_bucket.a", "main.tf", 2, 4, 3)},
			want:      []string{`AWS-S3-001 aws_s3_bucket.a open`},
			wantDiags: []string{`main.tf:1: warning: malformed suppression comment: invalid expiry date "2026-13-01" in vigil:ignore: want YYYY-MM-DD`},
		},
		{
			name: "tfsec and trivy comments through equivalent IDs",
			files: map[string]string{"main.tf": lines(
				`#tfsec:ignore:aws-s3-enable-versioning`,
				`resource "aws_s3_bucket" "a" {`,
				`  acl = "public-read" #tfsec:ignore:AVD-AWS-0086:exp:2027-01-01`,
				`}`,
				`#trivy:ignore:AVD-AWS-0090 #trivy:ignore:aws-s3-block-public-acls`,
				`resource "aws_s3_bucket" "b" {`,
				`  acl = "public-read"`,
				`}`,
				`#trivy:ignore:aws-ec2-no-public-ingress-sgr[from_port=3306]`,
				`resource "aws_security_group_rule" "db" {`,
				`  from_port   = 3306`,
				`  cidr_blocks = ["0.0.0.0/0"]`,
				`}`,
			)},
			findings: []check.Finding{
				fail(s3Versioning, "aws_s3_bucket.a", "main.tf", 2, 4, 2),
				fail(s3Public, "aws_s3_bucket.a", "main.tf", 2, 4, 3),
				fail(s3Versioning, "aws_s3_bucket.b", "main.tf", 6, 8, 6),
				fail(s3Public, "aws_s3_bucket.b", "main.tf", 6, 8, 7),
				fail(sgOpen, "aws_security_group_rule.db", "main.tf", 10, 13, 12),
			},
			want: []string{
				`AWS-S3-002 aws_s3_bucket.a muted in-source main.tf:1 "tfsec:ignore:aws-s3-enable-versioning"`,
				`AWS-S3-001 aws_s3_bucket.a muted in-source main.tf:3 "tfsec:ignore:AVD-AWS-0086:exp:2027-01-01" until 2027-01-01`,
				`AWS-S3-002 aws_s3_bucket.b muted in-source main.tf:5 "trivy:ignore:AVD-AWS-0090"`,
				`AWS-S3-001 aws_s3_bucket.b muted in-source main.tf:5 "trivy:ignore:aws-s3-block-public-acls"`,
				`AWS-EC2-001 aws_security_group_rule.db muted in-source main.tf:9 "trivy:ignore:aws-ec2-no-public-ingress-sgr[from_port=3306]"`,
			},
		},
		{
			name: "checkov skip inside the block, not outside",
			files: map[string]string{"main.tf": lines(
				`resource "aws_s3_bucket" "a" {`,
				`  bucket = "a"`,
				`  #checkov:skip=CKV_AWS_21:backups cover versioning`,
				`  acl = "private"`,
				`}`,
				`#checkov:skip=CKV_AWS_53:outside the block does nothing`,
				`resource "aws_s3_bucket" "b" {`,
				`  acl = "public-read"`,
				`}`,
			)},
			findings: []check.Finding{
				fail(s3Versioning, "aws_s3_bucket.a", "main.tf", 1, 5, 1),
				fail(s3Public, "aws_s3_bucket.b", "main.tf", 7, 9, 8),
			},
			want: []string{
				`AWS-S3-002 aws_s3_bucket.a muted in-source main.tf:3 "backups cover versioning"`,
				`AWS-S3-001 aws_s3_bucket.b open`,
			},
			wantDiags: []string{`main.tf:6: warning: unused suppression: checkov:skip=CKV_AWS_53 matched no failing finding`},
		},
		{
			name: "above a module call mutes findings inside that call only",
			files: map[string]string{
				"main.tf": lines(
					`# vigil:ignore:AWS-S3-001 the logs module's bucket is public on purpose`,
					`module "logs" {`,
					`  source = "./modules/logs"`,
					`}`,
					`module "data" {`,
					`  source = "./modules/logs"`,
					`}`,
				),
				"modules/logs/main.tf": lines(
					`resource "aws_s3_bucket" "this" {`,
					`  acl = "public-read"`,
					`}`,
				),
			},
			findings: []check.Finding{
				inModule(fail(s3Public, "module.logs.aws_s3_bucket.this", "modules/logs/main.tf", 1, 3, 2),
					model.Call{Name: "logs", Range: model.Range{File: "main.tf", StartLine: 2, EndLine: 4}}),
				inModule(fail(s3Public, "module.data.aws_s3_bucket.this", "modules/logs/main.tf", 1, 3, 2),
					model.Call{Name: "data", Range: model.Range{File: "main.tf", StartLine: 5, EndLine: 7}}),
			},
			want: []string{
				`AWS-S3-001 module.logs.aws_s3_bucket.this muted in-source main.tf:1 "the logs module's bucket is public on purpose"`,
				`AWS-S3-001 module.data.aws_s3_bucket.this open`,
			},
		},
		{
			name: "passing findings are never muted",
			files: map[string]string{"main.tf": lines(
				`# vigil:ignore:AWS-S3-001 fixed since`,
				`resource "aws_s3_bucket" "a" {`,
				`  acl = "private"`,
				`}`,
			)},
			findings:  []check.Finding{pass(fail(s3Public, "aws_s3_bucket.a", "main.tf", 2, 4, 3))},
			want:      []string{`AWS-S3-001 aws_s3_bucket.a open`},
			wantDiags: []string{`main.tf:1: warning: unused suppression: vigil:ignore:AWS-S3-001 matched no failing finding`},
		},
		{
			name: "strings and heredocs are not comments",
			files: map[string]string{"main.tf": lines(
				`resource "aws_s3_bucket" "a" {`,
				`  acl = "public-read # vigil:ignore:AWS-S3-001 in a string"`,
				`  tags = { Name = "${"#"} vigil:ignore:AWS-S3-001 in a template" }`,
				`  policy = <<-EOF`,
				`    # vigil:ignore:AWS-S3-001 in a heredoc`,
				`    EOF`,
				`}`,
			)},
			findings: []check.Finding{
				fail(s3Public, "aws_s3_bucket.a", "main.tf", 1, 7, 2),
				fail(s3Public, "aws_s3_bucket.a", "main.tf", 1, 7, 3),
				fail(s3Public, "aws_s3_bucket.a", "main.tf", 1, 7, 6),
			},
			want: []string{
				`AWS-S3-001 aws_s3_bucket.a open`,
				`AWS-S3-001 aws_s3_bucket.a open`,
				`AWS-S3-001 aws_s3_bucket.a open`,
			},
		},
		{
			name: "files without findings are read when listed",
			files: map[string]string{
				"main.tf": lines(`resource "aws_s3_bucket" "a" {`, `}`),
				"old.tf": lines(
					`# vigil:ignore:AWS-S3-001 the bucket was deleted`,
					`resource "aws_s3_bucket" "gone" {`,
					`}`,
				),
			},
			opts:      Options{Files: []string{"main.tf", "./old.tf"}},
			wantDiags: []string{`old.tf:1: warning: unused suppression: vigil:ignore:AWS-S3-001 matched no failing finding`},
		},
		{
			name: "no unused warning for checks that did not run",
			files: map[string]string{"main.tf": lines(
				`# vigil:ignore:AWS-S3-001 public website`,
				`resource "aws_s3_bucket" "site" {`,
				`}`,
			)},
			opts: Options{Files: []string{"main.tf"}, Checks: []*check.Check{s3Versioning}},
		},
		{
			name: "YAML comments",
			files: map[string]string{"template.yaml": lines(
				`Resources:`,
				`  # vigil:ignore:AWS-S3-001 public website`,
				`  Site:`,
				`    Type: AWS::S3::Bucket`,
				`    Properties:`,
				`      AccessControl: PublicRead # vigil:ignore:AWS-S3-002 static content`,
				`      Description: "not # vigil:ignore:AWS-S3-002 a comment"`,
			)},
			findings: []check.Finding{
				fail(s3Public, "Site", "template.yaml", 3, 7, 6),
				fail(s3Versioning, "Site", "template.yaml", 3, 7, 6),
				fail(s3Versioning, "Site", "template.yaml", 3, 7, 7),
			},
			want: []string{
				`AWS-S3-001 Site muted in-source template.yaml:2 "public website"`,
				`AWS-S3-002 Site muted in-source template.yaml:6 "static content"`,
				`AWS-S3-002 Site open`,
			},
		},
	}
	reg := testRegistry(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, content := range tt.files {
				fsys[name] = &fstest.MapFile{Data: []byte(content)}
			}
			diags := Apply(fsys, tt.findings, reg, testNow, tt.opts)
			var got, gotDiags []string
			for _, f := range tt.findings {
				got = append(got, state(f))
			}
			for _, d := range diags {
				gotDiags = append(gotDiags, d.String())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantDiags, gotDiags); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}

func TestApplyIgnoresAndBaseline(t *testing.T) {
	reg := testRegistry(t)
	at := func(line int) model.Range {
		return model.Range{File: ".vigil.yaml", StartLine: line, StartCol: 5, EndLine: line}
	}
	fsys := fstest.MapFS{"infra/main.tf": {Data: []byte(lines(
		`resource "aws_s3_bucket" "a" {`,
		`  acl = "public-read" # vigil:ignore:AWS-S3-001 the inline reason wins`,
		`}`,
	))}}
	for _, name := range []string{"infra/legacy/old.tf", "infra/logs.tf", "infra/data.tf", "infra/web.tf", "infra/db.tf"} {
		fsys[name] = &fstest.MapFile{Data: []byte("resource \"x\" \"y\" {\n}\n")}
	}
	findings := []check.Finding{
		fail(s3Public, "aws_s3_bucket.a", "infra/main.tf", 1, 3, 2),
		fail(s3Public, "aws_s3_bucket.old", "infra/legacy/old.tf", 1, 3, 2),
		fail(s3Versioning, "aws_s3_bucket.old", "infra/legacy/old.tf", 1, 3, 1),
		fail(s3Versioning, "aws_s3_bucket.logs_eu", "infra/logs.tf", 1, 3, 1),
		fail(s3Versioning, "aws_s3_bucket.data", "infra/data.tf", 1, 3, 1),
		fail(sgOpen, "aws_security_group.web", "infra/web.tf", 1, 3, 2),
		fail(sgOpen, "aws_security_group.db", "infra/db.tf", 1, 3, 2),
	}
	base := NewBaseline([]check.Finding{findings[0], findings[5]}, testNow, "v0.1.0")
	base.Path = "vigil-baseline.json"
	opts := Options{
		IgnoreBase: "repo",
		Ignores: []config.Ignore{
			{ID: "AWS-S3-*", Paths: []string{"repo/infra/legacy"}, Reason: "legacy stack, decommissioned in Q3", Source: at(3)},
			{ID: "ckv_aws_21", Resources: []string{"aws_s3_bucket.logs_*"}, Reason: "log buckets", Expires: date("2026-12-31"), Source: at(7)},
			{ID: "AWS-NOPE-001", Reason: "typo", Source: at(10)},
			{ID: "AWS-S3-002", Reason: "too late", Expires: date("2026-01-01"), Source: at(12)},
			{ID: "AWS-EC2-001", Paths: []string{"elsewhere/**"}, Reason: "unused", Source: at(15)},
		},
	}
	diags := Apply(fsys, findings, reg, testNow, opts)
	base.Apply(findings)
	var got, gotDiags []string
	for _, f := range findings {
		got = append(got, state(f))
	}
	for _, d := range diags {
		gotDiags = append(gotDiags, d.String())
	}
	want := []string{
		`AWS-S3-001 aws_s3_bucket.a muted in-source infra/main.tf:2 "the inline reason wins"`,
		`AWS-S3-001 aws_s3_bucket.old muted external .vigil.yaml:3 "legacy stack, decommissioned in Q3"`,
		`AWS-S3-002 aws_s3_bucket.old muted external .vigil.yaml:3 "legacy stack, decommissioned in Q3"`,
		`AWS-S3-002 aws_s3_bucket.logs_eu muted external .vigil.yaml:7 "log buckets" until 2026-12-31`,
		`AWS-S3-002 aws_s3_bucket.data open`,
		`AWS-EC2-001 aws_security_group.web muted external vigil-baseline.json "in baseline vigil-baseline.json"`,
		`AWS-EC2-001 aws_security_group.db open`,
	}
	wantDiags := []string{
		`.vigil.yaml:10: warning: suppression names unknown check AWS-NOPE-001`,
		`.vigil.yaml:12: warning: suppression expired on 2026-01-01: ignore entry for AWS-S3-002 no longer applies; fix the finding or renew the date`,
		`.vigil.yaml:15: warning: unused suppression: ignore entry for AWS-EC2-001 matched no failing finding`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantDiags, gotDiags); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

// TestApplyRanges pins the exact ranges and suppression values that
// renderers (SARIF suppressions, editor annotations) rely on.
func TestApplyRanges(t *testing.T) {
	fsys := fstest.MapFS{"main.tf": {Data: []byte(lines(
		`resource "aws_s3_bucket" "a" {`,
		`  acl = "public-read" # vigil:ignore:AWS-S3-001:exp:2026-12-31 website`,
		`  # vigil:ignore:AWS-S3-002`,
		`}`,
	))}}
	findings := []check.Finding{fail(s3Public, "aws_s3_bucket.a", "main.tf", 1, 4, 2)}
	diags := Apply(fsys, findings, testRegistry(t), testNow, Options{})
	wantSup := &check.Suppression{
		Kind:          check.InSource,
		Justification: "website",
		Source:        model.Range{File: "main.tf", StartLine: 2, StartCol: 25, EndLine: 2, EndCol: 63},
		Expires:       date("2026-12-31"),
	}
	if diff := cmp.Diff(wantSup, findings[0].Suppression); diff != "" {
		t.Errorf("suppression (-want +got):\n%s", diff)
	}
	r := model.Range{File: "main.tf", StartLine: 3, StartCol: 5, EndLine: 3, EndCol: 28}
	wantDiags := model.Diagnostics{
		{Severity: model.DiagWarning, Summary: "suppression without a reason", Detail: `write why after the check, e.g. "# vigil:ignore:AWS-S3-002 bucket serves the public website"`, Range: r},
		{Severity: model.DiagWarning, Summary: "unused suppression", Detail: "vigil:ignore:AWS-S3-002 matched no failing finding", Range: r},
	}
	if diff := cmp.Diff(wantDiags, diags); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}
