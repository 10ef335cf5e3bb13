package secret

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestScan(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		want []Match
	}{
		{
			name: "access key",
			text: "#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIA4HKQ7ZP2WQ3XB5NM\n",
			want: []Match{{Kind: AWSAccessKeyID, Line: 2}},
		},
		{
			name: "documented example key",
			text: "aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE\n",
		},
		{
			name: "documented example key pair",
			text: "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nexport AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n",
		},
		{
			name: "key pair on one line",
			text: "AWS_ACCESS_KEY_ID=AKIA4HKQ7ZP2WQ3XB5NM AWS_SECRET_ACCESS_KEY=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 aws s3 ls\n",
			want: []Match{{Kind: AWSAccessKeyID, Line: 1}, {Kind: AWSSecretAccessKey, Line: 1}},
		},
		{
			name: "private key reported once",
			text: "cat > key <<EOF\n-----BEGIN OPENSSH PRIVATE KEY-----\npassword=notreallyakeyline\n-----END OPENSSH PRIVATE KEY-----\nEOF\n",
			want: []Match{{Kind: PrivateKey, Line: 2}},
		},
		{
			name: "private key on one line",
			text: `KEY="-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----"` + "\nDB_PASSWORD=hunter2hunter2\n",
			want: []Match{{Kind: PrivateKey, Line: 1}, {Kind: Password, Line: 2}},
		},
		{
			name: "assignments",
			text: "DB_PASSWORD='hunter2hunter2'\napi_key: abcd1234efgh\nGITHUB_TOKEN=ghp_abcdefgh\n",
			want: []Match{
				{Kind: Password, Line: 1},
				{Kind: Token, Line: 2},
				{Kind: Token, Line: 3},
			},
		},
		{
			name: "password in a shell command",
			text: "#!/bin/sh\nMYSQL_PWD=s3cr3tpass mysql\n",
			want: []Match{{Kind: Password, Line: 2}},
		},
		{
			name: "password in cloud-config",
			text: "#cloud-config\nruncmd:\n  - echo \"admin_password: Tr0ub4dor-and-3\" >> /etc/app/config.yml\n",
			want: []Match{{Kind: Password, Line: 3}},
		},
		{
			name: "JSON, PowerShell and flags",
			text: "{\"password\": \"Xk9#mP2vL!\"}\n$Password = \"Xk9#mP2vL!\"\napp --token=abc123xyz789 --verbose\n",
			want: []Match{{Kind: Password, Line: 1}, {Kind: Password, Line: 2}, {Kind: Token, Line: 3}},
		},
		{
			name: "CRLF line ends",
			text: "@echo off\r\nset DB_PASSWORD=hunter2hunter2\r\n",
			want: []Match{{Kind: Password, Line: 2}},
		},
		{
			name: "token shape in a comment",
			text: "# ghp_0123456789abcdefghijABCDEFGHIJ012345\n",
			want: []Match{{Kind: GitHubToken, Line: 1}},
		},
		{
			name: "references are not secrets",
			text: "DB_PASSWORD=\"$(aws ssm get-parameter --name db)\"\nTOKEN=${token}\npassword_file=/run/secrets/db\nhttp_tokens=required\ncd $PWD\nsecret_name: app/db\n",
		},
		{
			name: "ARNs and dynamic references are not secrets",
			text: "DB_PASSWORD=arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf\n" +
				"password: \"{{resolve:secretsmanager:prod/db:SecretString:password}}\"\n" +
				"MasterUserPassword: '{{resolve:ssm-secure:/prod/db/password:1}}'\n",
		},
		{
			name: "placeholders are not secrets",
			text: "password: changeme\napi_token = \"<your token here>\"\nSECRET=********\nexport DB_PASSWORD\n",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, Scan(tc.text)); diff != "" {
				t.Errorf("Scan (-want +got):\n%s", diff)
			}
		})
	}
}
