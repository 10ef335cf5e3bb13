package ec2

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model/aws/ec2"
)

const unencryptedRationale = "An unencrypted EBS volume stores its data, and every snapshot taken from it, in clear text: anyone who is granted access to a snapshot, or copies one to another account, reads the data without needing any KMS permission. Encryption also makes key policies an extra access control."

var ebsEncryptionReferences = []string{
	"https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html",
}

func encryptionCompliance() []check.Control {
	return []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "SC-28"},
		{Framework: check.FrameworkNIST80053, ID: "SC-13"},
		{Framework: check.FrameworkPCIDSS40, ID: "3.5.1"},
		{Framework: check.FrameworkSOC2, ID: "CC6.1"},
		{Framework: check.FrameworkHIPAA, ID: "164.312(a)(2)(iv)"},
		{Framework: check.FrameworkISO27001, ID: "A.8.24"},
	}
}

// evalDevices fails each known-unencrypted device and passes the resource
// when every device is known to be encrypted.
func evalDevices(res launched, noun string, r *check.Reporter) {
	evalBlockDevices(res, noun, res.spec.BlockDevices, r)
}

func evalBlockDevices(l launched, noun string, devs []*ec2.BlockDevice, r *check.Reporter) {
	failed, allKnown := false, len(devs) > 0
	for _, d := range devs {
		switch {
		case d.Encrypted.Is(false):
			failed = true
			what := "an EBS volume"
			if d.Root {
				what = "its root volume"
			}
			if name, ok := d.DeviceName.Get(); ok && name != "" {
				what += " (" + name + ")"
			}
			r.Fail(l.res, d.Encrypted.Origin, "%s %s does not encrypt %s.", noun, l.res.Name, what)
		case !d.Encrypted.Known():
			allKnown = false
		}
	}
	if !failed && allKnown {
		r.Pass(l.res)
	}
}

var instanceUnencryptedDevice = &check.Check{
	ID:          "AWS-EC2-007",
	Slug:        "aws-ec2-instance-unencrypted-block-device",
	Title:       "EC2 instance has an unencrypted EBS volume",
	Provider:    "aws",
	Service:     "ec2",
	Severity:    check.Medium,
	Description: "A root or EBS block device of the instance is not encrypted, and the account's default EBS encryption, as declared in the configuration, does not encrypt it either.",
	Rationale:   unencryptedRationale,
	Remediation: check.Remediation{
		Text: "Set encrypted = true on the root and EBS block devices, or enable EBS encryption by default in the account.",
		Terraform: `resource "aws_instance" "example" {
  # ...
  root_block_device {
    encrypted = true
  }
}`,
	},
	References: ebsEncryptionReferences,
	Compliance: encryptionCompliance(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0131"},
		Tfsec:   []string{"aws-ec2-enable-at-rest-encryption"},
		Checkov: []string{"CKV_AWS_8"},
	},
	Evaluate: evalEach(instances, "Instance", evalDevices),
}

var templateUnencryptedDevice = &check.Check{
	ID:          "AWS-EC2-008",
	Slug:        "aws-ec2-launch-template-unencrypted-block-device",
	Title:       "Launch template has an unencrypted EBS volume",
	Provider:    "aws",
	Service:     "ec2",
	Severity:    check.Medium,
	Description: "A block device mapping of the launch template creates an EBS volume that is not encrypted.",
	Rationale:   unencryptedRationale,
	Remediation: check.Remediation{
		Text: "Set ebs.encrypted = true on the template's block device mappings, or enable EBS encryption by default in the account.",
		Terraform: `resource "aws_launch_template" "example" {
  # ...
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      encrypted = true
    }
  }
}`,
	},
	References:  ebsEncryptionReferences,
	Compliance:  encryptionCompliance(),
	Equivalents: check.Equivalents{},
	Evaluate:    evalEach(templates, "Launch template", evalDevices),
}

var configurationUnencryptedDevice = &check.Check{
	ID:          "AWS-EC2-009",
	Slug:        "aws-ec2-launch-configuration-unencrypted-block-device",
	Title:       "Launch configuration has an unencrypted EBS volume",
	Provider:    "aws",
	Service:     "ec2",
	Severity:    check.Medium,
	Description: "A root or EBS block device of the launch configuration is not encrypted.",
	Rationale:   unencryptedRationale,
	Remediation: check.Remediation{
		Text: "Set encrypted = true on the root and EBS block devices, or enable EBS encryption by default in the account.",
		Terraform: `resource "aws_launch_configuration" "example" {
  # ...
  root_block_device {
    encrypted = true
  }
}`,
	},
	References: ebsEncryptionReferences,
	Compliance: encryptionCompliance(),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0008"},
		Tfsec:   []string{"aws-ec2-enable-launch-config-at-rest-encryption"},
		Checkov: []string{"CKV_AWS_8"},
	},
	Evaluate: evalEach(configurations, "Launch configuration", evalDevices),
}
