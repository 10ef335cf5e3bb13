package ec2_test

import (
	"encoding/base64"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/ec2"
)

func TestScanUserData(t *testing.T) {
	for _, tc := range []struct {
		name   string
		script string
		want   []ec2.Secret
	}{
		{
			name:   "access key",
			script: "#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIA4HKQ7ZP2WQ3XB5NM\n",
			want:   []ec2.Secret{{Kind: ec2.SecretAWSAccessKey, Line: 2}},
		},
		{
			name:   "documented example key",
			script: "aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE\n",
		},
		{
			name:   "private key reported once",
			script: "cat > key <<EOF\n-----BEGIN OPENSSH PRIVATE KEY-----\npassword=notreallyakeyline\n-----END OPENSSH PRIVATE KEY-----\nEOF\n",
			want:   []ec2.Secret{{Kind: ec2.SecretPrivateKey, Line: 2}},
		},
		{
			name:   "assignments",
			script: "DB_PASSWORD='hunter2hunter2'\napi_key: abcd1234efgh\nGITHUB_TOKEN=ghp_abcdefgh\n",
			want: []ec2.Secret{
				{Kind: ec2.SecretAssignment, Line: 1},
				{Kind: ec2.SecretAssignment, Line: 2},
				{Kind: ec2.SecretAssignment, Line: 3},
			},
		},
		{
			name:   "references are not secrets",
			script: "DB_PASSWORD=\"$(aws ssm get-parameter --name db)\"\nTOKEN=${token}\npassword_file=/run/secrets/db\nhttp_tokens=required\ncd $PWD\nsecret_name: app/db\n",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ec2.ScanUserData(model.Set(tc.script, model.Origin{}))
			if !got.Known() || !got.Present {
				t.Fatalf("user data not scanned: %+v", got)
			}
			if diff := cmp.Diff(tc.want, got.Secrets); diff != "" {
				t.Errorf("secrets (-want +got):\n%s", diff)
			}
		})
	}
}

func TestScanUserDataBase64(t *testing.T) {
	enc := base64.StdEncoding.EncodeToString([]byte("#!/bin/sh\nMYSQL_PWD=s3cr3tpass mysql\n"))
	got := ec2.ScanUserDataBase64(model.Set(enc, model.Origin{}))
	want := []ec2.Secret{{Kind: ec2.SecretAssignment, Line: 2}}
	if diff := cmp.Diff(want, got.Secrets); diff != "" {
		t.Errorf("secrets (-want +got):\n%s", diff)
	}
	if got := ec2.ScanUserDataBase64(model.Set("not base64!", model.Origin{})); got.Known() {
		t.Errorf("undecodable user data is known: %+v", got)
	}
	if got := ec2.ScanUserData(model.Unresolved[string](model.Origin{})); got.Known() {
		t.Errorf("unknown user data is known: %+v", got)
	}
}
