package ec2

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model/aws/ec2"
)

var amiPublic = &check.Check{
	ID:          "AWS-EC2-017",
	Slug:        "aws-ec2-ami-public",
	Title:       "AMI is shared publicly",
	Provider:    "aws",
	Service:     "ec2",
	Severity:    check.High,
	Description: "A launch permission with group \"all\" makes the AMI public: any AWS account can launch it and read its disks.",
	Rationale:   "Private AMIs routinely contain application code, configuration files, SSH host keys and credentials left on disk. A public AMI hands all of it to anyone, and public AMIs are actively scanned for secrets.",
	Remediation: check.Remediation{
		Text: "Remove the group \"all\" launch permission and share the AMI with specific accounts or an organization instead.",
		Terraform: `resource "aws_ami_launch_permission" "example" {
  image_id         = aws_ami.example.id
  organization_arn = "arn:aws:organizations::111122223333:organization/o-example"
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/sharingamis-intro.html",
		"https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/block-public-access-to-amis.html",
	},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "AC-3"},
		{Framework: check.FrameworkNIST80053, ID: "AC-21"},
		{Framework: check.FrameworkPCIDSS40, ID: "7.2.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkISO27001, ID: "A.5.15"},
	},
	Equivalents: check.Equivalents{},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		names := map[string]string{}
		for _, im := range in.AWS.EC2.Images {
			names[im.ID] = im.Name
		}
		for _, p := range in.AWS.EC2.ImagePermissions {
			switch pub := p.Public(); {
			case pub.Is(true):
				image := p.ImageID.Val()
				if n, ok := names[image]; ok {
					image = n
				}
				if image == "" {
					image = "(unknown)"
				}
				r.Fail(p.Resource, pub.Origin, "Launch permission %s makes AMI %s public.", p.Name, image)
			case pub.Known():
				r.Pass(p.Resource)
			}
		}
	},
}

var amiUnencrypted = &check.Check{
	ID:          "AWS-EC2-018",
	Slug:        "aws-ec2-ami-unencrypted",
	Title:       "AMI has an unencrypted EBS snapshot",
	Provider:    "aws",
	Service:     "ec2",
	Severity:    check.Medium,
	Description: "A block device of the AMI is backed by an unencrypted snapshot, so its disk data is stored and shared in clear text.",
	Rationale:   unencryptedRationale,
	Remediation: check.Remediation{
		Text: "Register the AMI from encrypted snapshots, or copy it with encryption and deregister the unencrypted one.",
		Terraform: `resource "aws_ami_copy" "example" {
  name              = "app-encrypted"
  source_ami_id     = aws_ami.example.id
  source_ami_region = "us-east-1"
  encrypted         = true
  kms_key_id        = aws_kms_key.ebs.arn
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/AMIEncryption.html",
	},
	Compliance:  encryptionCompliance(),
	Equivalents: check.Equivalents{},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, im := range in.AWS.EC2.Images {
			evalBlockDevices(launched{res: im.Resource, spec: &ec2.LaunchSpec{}}, "AMI", im.BlockDevices, r)
		}
	},
}

var instanceMonitoring = &check.Check{
	ID:          "AWS-EC2-019",
	Slug:        "aws-ec2-instance-detailed-monitoring-disabled",
	Title:       "EC2 instance detailed monitoring is not enabled",
	Provider:    "aws",
	Service:     "ec2",
	Severity:    check.Low,
	Description: "The instance publishes CloudWatch metrics every five minutes instead of every minute.",
	Rationale:   "One-minute metrics shorten the time to notice and alarm on abnormal behaviour such as a CPU spike from cryptomining or a burst of network traffic from data exfiltration.",
	Remediation: check.Remediation{
		Text: "Enable detailed monitoring on the instance.",
		Terraform: `resource "aws_instance" "example" {
  # ...
  monitoring = true
}`,
	},
	References: []string{"https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/manage-detailed-monitoring.html"},
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SI-4"},
		{Framework: check.FrameworkSOC2, ID: "CC7.2"},
		{Framework: check.FrameworkISO27001, ID: "A.8.16"},
	},
	Equivalents: check.Equivalents{
		Checkov: []string{"CKV_AWS_126"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, i := range in.AWS.EC2.Instances {
			r.Judge(i.Resource, i.DetailedMonitoring, false, "Instance %s does not have detailed monitoring enabled.", i.Name)
		}
	},
}
