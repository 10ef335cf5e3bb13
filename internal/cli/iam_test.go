package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// iamTree is a small estate: an admin role, a reader limited to one bucket
// unless MFA is absent, and a bucket whose policy names the auditor.
var iamTree = map[string]string{"main.tf": `
resource "aws_iam_role" "admin" {
  name = "admin"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = aws_iam_user.alice.arn } }]
  })
}

resource "aws_iam_role_policy_attachment" "admin" {
  role       = aws_iam_role.admin.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_policy" "alice" {
  name = "read-payroll"
  user = aws_iam_user.alice.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Sid = "Read", Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::payroll/*" },
      { Sid = "NoMFA", Effect = "Deny", Action = "*", Resource = "*", Condition = { BoolIfExists = { "aws:MultiFactorAuthPresent" = "false" } } },
    ]
  })
}

resource "aws_iam_user" "auditor" {
  name = "auditor"
}

resource "aws_s3_bucket" "payroll" {
  bucket = "payroll"
}

resource "aws_s3_bucket_policy" "payroll" {
  bucket = aws_s3_bucket.payroll.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = aws_iam_user.auditor.arn }, Action = "s3:GetObject", Resource = "arn:aws:s3:::payroll/*" }]
  })
}
`}

func TestIAMCan(t *testing.T) {
	dir := writeTree(t, iamTree)
	for _, tt := range []struct {
		name     string
		args     []string
		code     int
		contains []string
	}{
		{"admin allowed", []string{"-p", "role/admin", "-a", "iam:CreateUser"}, ExitOK,
			[]string{"ALLOWED  arn:aws:iam::000000000000:role/admin", "AdministratorAccess"}},
		{"conditional on MFA", []string{"-p", "user/alice", "-a", "s3:GetObject", "-r", "arn:aws:s3:::payroll/2026.csv"}, ExitConditional,
			[]string{"ALLOWED IF", "unless BoolIfExists aws:MultiFactorAuthPresent = false", `statement 2 ("NoMFA")`, "main.tf:"}},
		{"context settles it", []string{"-p", "user/alice", "-a", "s3:GetObject", "-r", "arn:aws:s3:::payroll/2026.csv", "-c", "aws:MultiFactorAuthPresent=true"}, ExitOK,
			[]string{"ALLOWED  "}},
		{"context denies", []string{"-p", "user/alice", "-a", "s3:GetObject", "-r", "arn:aws:s3:::payroll/2026.csv", "-c", "aws:MultiFactorAuthPresent=false"}, ExitFindings,
			[]string{"DENIED (explicit deny)", "denied by identity policy read-payroll"}},
		{"other bucket", []string{"-p", "alice", "-a", "s3:GetObject", "-r", "arn:aws:s3:::other/x"}, ExitFindings,
			[]string{"DENIED  ", "no identity-based policy"}},
		{"resource policy grants the auditor", []string{"-p", "aws_iam_user.auditor", "-a", "s3:GetObject", "-r", "arn:aws:s3:::payroll/2026.csv"}, ExitOK,
			[]string{"ALLOWED  ", "allowed by resource policy"}},
		{"trust names alice", []string{"-p", "user/alice", "-a", "sts:AssumeRole", "-r", "arn:aws:iam::000000000000:role/admin", "-c", "aws:MultiFactorAuthPresent=true"}, ExitOK,
			[]string{"ALLOWED  "}},
		{"unknown principal", []string{"-p", "role/nope", "-a", "s3:GetObject"}, ExitUsage, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(t, nil, append(append([]string{"iam", "can"}, tt.args...), dir)...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\n%s%s", code, tt.code, out, errOut)
			}
			for _, s := range tt.contains {
				if !strings.Contains(out, s) {
					t.Errorf("output lacks %q:\n%s", s, out)
				}
			}
		})
	}
}

func TestIAMCanJSON(t *testing.T) {
	dir := writeTree(t, iamTree)
	code, out, errOut := run(t, nil, "iam", "can", "-f", "json", "-p", "user/alice", "-a", "s3:GetObject", "-r", "arn:aws:s3:::payroll/x", dir)
	if code != ExitConditional {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	var got struct {
		Decision    string `json:"decision"`
		Conditional bool   `json:"conditional"`
		AllowedBy   []struct {
			Policy string `json:"policy"`
			Sid    string `json:"sid"`
		} `json:"allowed_by"`
		Caveats []struct {
			Key    string `json:"key"`
			Unless bool   `json:"unless"`
		} `json:"caveats"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Decision != "allow" || !got.Conditional || len(got.AllowedBy) != 1 || got.AllowedBy[0].Sid != "Read" ||
		len(got.Caveats) != 1 || got.Caveats[0].Key != "aws:MultiFactorAuthPresent" || !got.Caveats[0].Unless {
		t.Errorf("unexpected decision: %+v", got)
	}
}

func TestIAMWhoCan(t *testing.T) {
	dir := writeTree(t, iamTree)
	code, out, errOut := run(t, nil, "iam", "who-can", "-a", "s3:GetObject", "-r", "arn:aws:s3:::payroll/x", dir)
	if code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	for _, want := range []string{"3 principal(s)", "role/admin", "allowed if  arn:aws:iam::000000000000:user/alice", "user/auditor"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestIAMPermissions(t *testing.T) {
	dir := writeTree(t, iamTree)
	code, out, _ := run(t, nil, "iam", "permissions", "-p", "role/admin", dir)
	if code != ExitOK || !strings.Contains(out, "ADMIN-EQUIVALENT") {
		t.Fatalf("exit %d\n%s", code, out)
	}
	code, out, _ = run(t, nil, "iam", "permissions", "-v", "-p", "user/alice", dir)
	if code != ExitOK || strings.Contains(out, "ADMIN") || !strings.Contains(out, "s3:GetObject on arn:aws:s3:::payroll/*  (if conditions hold)") {
		t.Fatalf("exit %d\n%s", code, out)
	}
	code, out, _ = run(t, nil, "iam", "permissions", "-f", "json", "-p", "user/auditor", dir)
	var got struct {
		Services []struct {
			Service string `json:"service"`
			Actions []struct {
				Action    string   `json:"action"`
				Resources []string `json:"resources"`
			} `json:"actions"`
		} `json:"services"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != ExitOK {
		t.Fatalf("exit %d, %v\n%s", code, err, out)
	}
	if len(got.Services) != 1 || got.Services[0].Service != "s3" || len(got.Services[0].Actions) != 1 ||
		got.Services[0].Actions[0].Action != "s3:GetObject" || got.Services[0].Actions[0].Resources[0] != "arn:aws:s3:::payroll/*" {
		t.Errorf("auditor's permissions: %+v", got)
	}
}

func TestIAMLeastPrivilege(t *testing.T) {
	dir := writeTree(t, map[string]string{"main.tf": `
resource "aws_iam_role" "app" {
  name = "app-role"
  path = "/service-role/"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy" "app" {
  name = "app"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["dynamodb:*", "kms:Decrypt"], Resource = "*" }]
  })
}
`})
	trail := "../iam/usage/testdata/trail"
	code, out, errOut := run(t, nil, "iam", "least-privilege", "--cloudtrail", trail, "-p", "role/app-role", "--until", "2024-03-10", "--days", "30", "--account", "111122223333", dir)
	if code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	for _, want := range []string{
		`"dynamodb:GetItem"`, `"arn:aws:dynamodb:us-east-1:111122223333:table/orders"`,
		"used but not granted: ", "ec2:DescribeInstances",
		"granted but unused:", "dynamodb ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(errOut, "usage/testdata/trail/AWSLogs/") {
		t.Errorf("malformed log files not reported with their paths:\n%s", errOut)
	}
	code, _, errOut = run(t, nil, "iam", "least-privilege", "--cloudtrail", trail, "-p", "role/nobody", "--until", "2024-03-10")
	if code != ExitIncomplete || !strings.Contains(errOut, "no event of role/nobody") {
		t.Errorf("unknown principal: exit %d\n%s", code, errOut)
	}
}

func TestIAMPaths(t *testing.T) {
	dir := writeTree(t, map[string]string{"main.tf": `
resource "aws_iam_user" "dev" {
  name = "dev"
}

resource "aws_iam_user_policy" "dev" {
  name = "self-service"
  user = aws_iam_user.dev.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Sid = "Keys", Effect = "Allow", Action = "iam:CreateAccessKey", Resource = aws_iam_user.ops.arn }]
  })
}

resource "aws_iam_user" "ops" {
  name = "ops"
}

resource "aws_iam_user_policy_attachment" "ops" {
  user       = aws_iam_user.ops.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_user" "reader" {
  name = "reader"
}

resource "aws_iam_user_policy_attachment" "reader" {
  user       = aws_iam_user.reader.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
`})
	code, out, errOut := run(t, nil, "iam", "paths", dir)
	if code != ExitFindings {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	for _, want := range []string{
		"1 admin-equivalent principal(s): user/ops",
		"user/dev can escalate to user/ops in 1 step(s)",
		"iam:CreateAccessKey on arn:aws:iam::000000000000:user/ops",
		`granted by identity policy self-service, statement 1 ("Keys")`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "user/reader can") {
		t.Errorf("a read-only user is reported:\n%s", out)
	}
	code, out, _ = run(t, nil, "iam", "paths", "-f", "json", "-p", "user/reader", dir)
	var got struct {
		Admins []string          `json:"admin_equivalent"`
		Paths  []json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != ExitOK || len(got.Paths) != 0 || len(got.Admins) != 1 {
		t.Errorf("paths of the reader: exit %d, %v\n%s", code, err, out)
	}
}

func TestIAMValidate(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"bad.json": `{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": ["iam:PassRole", "s3:GetObjekt"], "Resource": "*"}
  ]
}`,
		"trust.json": `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}`,
	})
	code, out, _ := run(t, nil, "iam", "validate", dir+"/bad.json", dir+"/trust.json")
	if code != ExitFindings {
		t.Fatalf("exit %d\n%s", code, out)
	}
	for _, want := range []string{
		"bad.json:4:52: ERROR INVALID_ACTION: The action s3:GetObjekt does not exist. Did you mean s3:GetObject?",
		"bad.json:4:81: SECURITY_WARNING PASS_ROLE_WITH_STAR_IN_RESOURCE",
		"2 file(s): 1 error(s), 1 security warning(s)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "trust.json") {
		t.Errorf("a valid trust policy (kind guessed) has findings:\n%s", out)
	}
	var stdout, stderr strings.Builder
	code = Run(t.Context(), []string{"iam", "validate", "--fail-on", "error", "-f", "json", "-"}, IO{Stdin: strings.NewReader(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}]}`), Stdout: &stdout, Stderr: &stderr})
	var got []struct {
		Code string `json:"code"`
		Line int    `json:"line"`
	}
	if err := json.Unmarshal([]byte(stdout.String()), &got); err != nil || code != ExitOK || len(got) != 1 || got[0].Code != "PASS_ROLE_WITH_STAR_IN_RESOURCE" {
		t.Errorf("stdin, --fail-on error: exit %d, %v\n%s%s", code, err, stdout.String(), stderr.String())
	}
	if code, _, _ := run(t, nil, "iam", "validate", "--kind", "nope", dir+"/bad.json"); code != ExitUsage {
		t.Errorf("bad --kind: exit %d", code)
	}
}

// TestIAMSnapshot reads a live estate from an authorization-details
// snapshot, gzip-compressed.
func TestIAMSnapshot(t *testing.T) {
	snap := "../source/awsiam/testdata/gaad.json.gz"
	code, out, errOut := run(t, nil, "iam", "permissions", "-p", "user/alice", snap)
	if code != ExitOK || !strings.Contains(out, "Effective permissions of arn:aws:iam::123456789012:user/alice\n  ADMIN-EQUIVALENT") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	code, out, _ = run(t, nil, "iam", "can", "-p", "arn:aws:iam::123456789012:user/alice", "-a", "iam:PassRole", snap)
	if code != ExitOK || !strings.Contains(out, "AdministratorAccess (via group/admins)") {
		t.Fatalf("exit %d\n%s", code, out)
	}
}

// TestIAMPartial: a file that cannot be read is reported, the answer covers
// the rest, and the exit code says the input was incomplete.
func TestIAMPartial(t *testing.T) {
	files := map[string]string{"broken.tf": "resource \"aws_iam_user\" {\n"}
	for name, content := range iamTree {
		files[name] = content
	}
	dir := writeTree(t, files)
	args := []string{"iam", "can", "-p", "role/admin", "-a", "iam:CreateUser", dir}
	code, out, errOut := run(t, nil, args...)
	if code != ExitIncomplete || !strings.Contains(out, "ALLOWED") || !strings.Contains(errOut, "broken.tf:1") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if code, _, _ := run(t, nil, append(args, "--allow-partial")...); code != ExitOK {
		t.Errorf("--allow-partial: exit %d", code)
	}
}

func TestIAMSCP(t *testing.T) {
	dir := writeTree(t, iamTree)
	scp := writeTree(t, map[string]string{"scp.json": `{"Version":"2012-10-17","Statement":[
  {"Effect":"Allow","Action":"*","Resource":"*"},
  {"Sid":"NoUsers","Effect":"Deny","Action":"iam:CreateUser","Resource":"*"}]}`})
	code, out, errOut := run(t, nil, "iam", "can", "-p", "role/admin", "-a", "iam:CreateUser", "--scp", scp+"/scp.json", dir)
	if code != ExitFindings || !strings.Contains(out, `DENIED (explicit deny)`) || !strings.Contains(out, "SCP policy") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	code, out, _ = run(t, nil, "iam", "permissions", "-p", "role/admin", "--scp", scp+"/scp.json", dir)
	if code != ExitOK || strings.Contains(out, "ADMIN-EQUIVALENT") {
		t.Errorf("an SCP denying an action leaves the role admin-equivalent:\n%s", out)
	}
}

// TestIAMPrincipalARNSetsAccount: asking about a Terraform role by its real
// ARN reads the configuration in that role's account.
func TestIAMPrincipalARNSetsAccount(t *testing.T) {
	dir := writeTree(t, iamTree)
	code, out, errOut := run(t, nil, "iam", "can", "-p", "arn:aws:iam::111122223333:role/admin", "-a", "s3:GetObject", "-r", "arn:aws:s3:::payroll/x", dir)
	if code != ExitOK || !strings.Contains(out, "ALLOWED  arn:aws:iam::111122223333:role/admin") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
}
