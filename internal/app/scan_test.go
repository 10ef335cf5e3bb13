package app_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vigil-sec/vigil/internal/app"
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin"
)

func scan(t *testing.T, target string) *app.ScanResult {
	t.Helper()
	reg, err := builtin.Registry()
	if err != nil {
		t.Fatal(err)
	}
	res, err := app.Scan(context.Background(), app.ScanOptions{Target: target, Checks: reg.All(), Registry: reg})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func failures(res *app.ScanResult) []string {
	var out []string
	for _, f := range res.Findings {
		if f.Status == check.Fail {
			out = append(out, fmt.Sprintf("%s %s:%d %s", f.Check.ID, f.Origin.Range.File, f.Origin.Range.StartLine, f.Resource.ID))
		}
	}
	return out
}

// TestScanExample scans the example the README's quick start runs: it must
// show real findings at the right lines, through modules and for_each, and
// nothing about the value it cannot know.
func TestScanExample(t *testing.T) {
	res := scan(t, "../../examples/insecure")
	if len(res.Diagnostics) > 0 {
		t.Errorf("diagnostics on a valid example: %v", res.Diagnostics)
	}
	got := failures(res)
	for _, want := range []string{
		`AWS-S3-006 ../../examples/insecure/modules/bucket/main.tf:30 module.data_bucket["website"].aws_s3_bucket.this`,
		`AWS-S3-001 ../../examples/insecure/modules/bucket/main.tf:22 module.data_bucket["website"].aws_s3_bucket.this`,
		`AWS-VPC-001 ../../examples/insecure/network.tf:23 aws_security_group.bastion`,
		`AWS-VPC-001 ../../examples/insecure/network.tf:40 aws_security_group.bastion`,
		`AWS-EC2-010 ../../examples/insecure/network.tf:50 aws_instance.bastion`,
		`AWS-RDS-002 ../../examples/insecure/data.tf:9 aws_db_instance.orders`,
		`AWS-IAM-008 ../../examples/insecure/iam.tf:22 aws_iam_role_policy.ci`,
		`AWS-IAM-013 ../../examples/insecure/iam.tf:2 aws_iam_role.ci`,
		`AWS-CLOUDTRAIL-002 ../../examples/insecure/data.tf:28 aws_cloudtrail.main`,
	} {
		if !slices.Contains(got, want) {
			t.Errorf("missing finding %s", want)
		}
	}
	for _, f := range got {
		// The private bucket's public access block is all true; the audit
		// bucket's versioning depends on an unset variable.
		public := []string{"AWS-S3-001", "AWS-S3-002", "AWS-S3-004", "AWS-S3-005", "AWS-S3-006", "AWS-S3-007"}
		if strings.Contains(f, `data_bucket["reports"]`) && slices.ContainsFunc(public, func(id string) bool { return strings.HasPrefix(f, id+" ") }) {
			t.Errorf("finding on the private bucket's access settings: %s", f)
		}
		if strings.HasPrefix(f, "AWS-S3-003") && strings.Contains(f, "aws_s3_bucket.audit") {
			t.Errorf("versioning of the audit bucket is unknown, yet reported: %s", f)
		}
	}
	var suppressed int
	for _, f := range res.Findings {
		if f.Suppressed() {
			suppressed++
		}
	}
	if suppressed != 0 {
		t.Errorf("app.Scan without a suppressor muted %d findings", suppressed)
	}
}

// TestScanMalformedKeepsGoing: a file that does not parse is reported with
// its path and line, and the rest of the tree is still scanned.
func TestScanMalformedKeepsGoing(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good/main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n}\n")
	write("good/broken.tf", "resource \"aws_s3_bucket_versioning\" \"v\" {\n  bucket = \n}\n")
	write("other/main.tf", "resource \"aws_kms_key\" \"k\" {\n  enable_key_rotation = false\n}\n")
	res := scan(t, dir)
	if !res.Incomplete() {
		t.Fatal("a malformed file must make the scan incomplete")
	}
	var errs []string
	for _, d := range res.Diagnostics {
		errs = append(errs, d.String())
	}
	if len(errs) == 0 || !strings.Contains(errs[0], "good/broken.tf:2") {
		t.Errorf("diagnostic should name good/broken.tf:2, got %v", errs)
	}
	got := failures(res)
	if !slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, "AWS-KMS-001") }) {
		t.Errorf("the other module was not scanned: %v", got)
	}
	if !slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, "AWS-S3-003") && strings.Contains(s, "good/main.tf") }) {
		t.Errorf("the good file beside the broken one was not scanned: %v", got)
	}
}

// TestScanSymlinkEscape: a symlink inside the target that points outside it
// is never followed.
func TestScanSymlinkEscape(t *testing.T) {
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "secret.tf"), []byte("resource \"aws_kms_key\" \"outside\" {\n  enable_key_rotation = false\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte("resource \"aws_kms_key\" \"inside\" {\n  enable_key_rotation = false\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "link")); err != nil {
		t.Skip("symlinks unsupported:", err)
	}
	if err := os.Symlink(filepath.Join(outside, "secret.tf"), filepath.Join(dir, "escape.tf")); err != nil {
		t.Fatal(err)
	}
	for _, f := range failures(scan(t, dir)) {
		if strings.Contains(f, "outside") {
			t.Errorf("scan followed a symlink out of the target: %s", f)
		}
	}
}

func TestScanPlan(t *testing.T) {
	res := scan(t, "../source/tfplan/testdata/plan.json")
	got := failures(res)
	want := `AWS-S3-003 ../source/tfplan/testdata/plan.json:0 module.logs.aws_s3_bucket.this[0]`
	if !slices.Contains(got, want) {
		t.Errorf("plan scan: want %s in %v", want, got)
	}
}

// TestScanRootsStayApart: envs/dev and envs/prod repeat the same addresses.
// A companion in one root must never configure the bucket of the other, and
// findings must name which root's resource they are about.
func TestScanRootsStayApart(t *testing.T) {
	dir := t.TempDir()
	bucket := "resource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"%s-logs\"\n}\n"
	versioning := "resource \"aws_s3_bucket_versioning\" \"logs\" {\n  bucket = aws_s3_bucket.logs.id\n  versioning_configuration {\n    status = \"Enabled\"\n  }\n}\n"
	for name, content := range map[string]string{
		"envs/dev/main.tf":        fmt.Sprintf(bucket, "dev"),
		"envs/prod/main.tf":       fmt.Sprintf(bucket, "prod"),
		"envs/prod/versioning.tf": versioning,
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res := scan(t, dir)
	var versioningFindings []string
	for _, f := range res.Findings {
		if f.Check.ID == "AWS-S3-003" {
			versioningFindings = append(versioningFindings, f.Status.String()+" "+f.Resource.ID)
		}
	}
	slices.Sort(versioningFindings)
	want := []string{"FAIL envs/dev:aws_s3_bucket.logs", "PASS envs/prod:aws_s3_bucket.logs"}
	if !slices.Equal(versioningFindings, want) {
		t.Errorf("versioning results = %v, want %v", versioningFindings, want)
	}
}

// TestScanSnapshot scans a live IAM snapshot (gzip-compressed): the same
// checks run on live identities, and the age checks use the scan's time.
func TestScanSnapshot(t *testing.T) {
	reg, err := builtin.Registry()
	if err != nil {
		t.Fatal(err)
	}
	now := func() time.Time { return time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC) }
	res, err := app.Scan(context.Background(), app.ScanOptions{Target: "../source/awsiam/testdata/gaad.json.gz", Checks: reg.All(), Registry: reg, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	got := failures(res)
	for _, want := range []string{
		"AWS-IAM-011 :0 arn:aws:iam::123456789012:user/ci-legacy",
		"AWS-IAM-020 :0 arn:aws:iam::123456789012:user/alice",
		"AWS-IAM-021 :0 arn:aws:iam::123456789012:role/OrganizationAccountAccessRole",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, strings.Join(got, "\n"))
		}
	}
	// github-deploy was last used on 2024-06-11: recent as of the scan.
	if slices.Contains(got, "AWS-IAM-021 :0 arn:aws:iam::123456789012:role/github-deploy") {
		t.Errorf("a role used three weeks before the scan is reported unused")
	}
	if len(res.Files) != 1 || res.Diagnostics.HasErrors() {
		t.Errorf("files %v, diagnostics %v", res.Files, res.Diagnostics)
	}
}
