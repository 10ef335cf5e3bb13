package ec2

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/kms"
)

// State holds the EC2 resources of an estate.
type State struct {
	Instances            []*Instance
	LaunchTemplates      []*LaunchTemplate
	LaunchConfigurations []*LaunchConfiguration
	Volumes              []*Volume
	Snapshots            []*Snapshot
	SnapshotPermissions  []*SnapshotPermission
	Images               []*Image
	ImagePermissions     []*ImagePermission
	// EBSEncryptionByDefault holds the declared account-level (per region)
	// default EBS encryption settings.
	EBSEncryptionByDefault []*EBSEncryptionByDefault
	// EBSDefaultKMSKeys holds the declared account-level default EBS keys.
	EBSDefaultKMSKeys []*EBSDefaultKMSKey
}

// LaunchSpec is what an instance is launched with. Instances, launch templates
// and launch configurations all carry one.
type LaunchSpec struct {
	ImageID      model.String
	InstanceType model.String
	// IAMInstanceProfile is the instance profile: its model ID when it is
	// declared in the same configuration, otherwise its name or ARN.
	IAMInstanceProfile model.String
	// SecurityGroupIDs are the security groups' model IDs when declared in the
	// same configuration, otherwise their AWS IDs or names.
	SecurityGroupIDs model.List[string]
	// PublicIP is whether the instance gets a public IPv4 address at launch.
	PublicIP           model.Bool
	Metadata           MetadataOptions
	BlockDevices       []*BlockDevice
	UserData           UserData
	DetailedMonitoring model.Bool
}

// Instance is an EC2 instance.
type Instance struct {
	model.Resource
	LaunchSpec
	// SubnetID is the subnet's model ID when declared in the same
	// configuration, otherwise its AWS ID.
	SubnetID model.String
	// LaunchTemplateID is the launch template the instance was launched from,
	// by model ID when declared in the same configuration.
	LaunchTemplateID model.String
}

// LaunchTemplate is an EC2 launch template.
type LaunchTemplate struct {
	model.Resource
	LaunchSpec
}

// LaunchConfiguration is an Auto Scaling launch configuration.
type LaunchConfiguration struct {
	model.Resource
	LaunchSpec
}

// MetadataOptions configures the instance metadata service (IMDS).
type MetadataOptions struct {
	// Endpoint is "enabled" or "disabled".
	Endpoint model.String
	// Tokens is "required" (IMDSv2 only) or "optional" (IMDSv1 allowed).
	Tokens model.String
	// HopLimit is the PUT response hop limit of IMDSv2 tokens.
	HopLimit model.Int
}

// AllowsIMDSv1 reports whether the metadata service answers IMDSv1 requests:
// the endpoint is enabled and tokens are optional. Its origin is the setting
// that decides.
func (m MetadataOptions) AllowsIMDSv1() model.Bool {
	switch {
	case m.Endpoint.Is("disabled"):
		return model.Derive(m.Endpoint, func(string) bool { return false })
	case m.Tokens.Is("required"):
		return model.Derive(m.Tokens, func(string) bool { return false })
	case m.Tokens.Is("optional") && m.Endpoint.Is("enabled"):
		return model.Derive(m.Tokens, func(string) bool { return true })
	}
	return model.Unresolved[bool](m.Tokens.Origin)
}

// BlockDevice is an EBS volume an instance is launched with.
type BlockDevice struct {
	// Origin is where the device is declared; for a root device nobody
	// declared, the enclosing resource.
	Origin     model.Origin
	DeviceName model.String
	// Root marks the root volume.
	Root bool
	// Encrypted is whether the volume is encrypted, account defaults and
	// source snapshots taken into account.
	Encrypted model.Bool
	// EncryptionKey is the key encrypting the volume, the account's default
	// EBS key when none is given; its ID is "" for the AWS managed aws/ebs
	// key.
	EncryptionKey kms.KeyRef
	SnapshotID    model.String
	VolumeType    model.String
	VolumeSize    model.Int
}

// Volume is an EBS volume.
type Volume struct {
	model.Resource
	AvailabilityZone model.String
	// Encrypted is whether the volume is encrypted, account defaults and
	// source snapshots taken into account.
	Encrypted model.Bool
	// EncryptionKey is the key encrypting the volume, the account's default
	// EBS key when none is given; its ID is "" for the AWS managed aws/ebs
	// key.
	EncryptionKey kms.KeyRef
	SnapshotID    model.String
	VolumeType    model.String
	Size          model.Int
}

// Snapshot is an EBS snapshot, taken from a volume or copied from another
// snapshot.
type Snapshot struct {
	model.Resource
	// VolumeID is the source volume's model ID (or AWS ID) for a snapshot of
	// a volume.
	VolumeID model.String
	// SourceSnapshotID is the copied snapshot's model ID (or AWS ID) for a copy.
	SourceSnapshotID model.String
	Encrypted        model.Bool
	// EncryptionKey is the key encrypting the snapshot: its volume's for a
	// snapshot of a volume, the copy's own (or the account default) for a
	// copy.
	EncryptionKey kms.KeyRef
}

// SnapshotPermission lets an account create volumes from a snapshot.
type SnapshotPermission struct {
	model.Resource
	SnapshotID model.String
	AccountID  model.String
}

// Image is an AMI, registered from snapshots or copied from another AMI.
type Image struct {
	model.Resource
	// SourceImageID is the copied AMI's model ID (or AWS ID) for a copy.
	SourceImageID model.String
	BlockDevices  []*BlockDevice
	ImdsSupport   model.String
}

// ImagePermission grants launch permission on an AMI to an account, an
// organization or unit, or everyone (Group "all").
type ImagePermission struct {
	model.Resource
	ImageID         model.String
	AccountID       model.String
	Group           model.String
	OrganizationARN model.String
	OrgUnitARN      model.String
}

// Public reports whether the permission makes the AMI public.
func (p *ImagePermission) Public() model.Bool {
	return model.Derive(p.Group, func(g string) bool { return g == "all" })
}

// EBSEncryptionByDefault is the account-level setting that encrypts every new
// EBS volume in a region.
type EBSEncryptionByDefault struct {
	model.Resource
	Enabled model.Bool
}

// EBSDefaultKMSKey is the account-level key new EBS volumes are encrypted
// with when none is given.
type EBSDefaultKMSKey struct {
	model.Resource
	Key kms.KeyRef
}
