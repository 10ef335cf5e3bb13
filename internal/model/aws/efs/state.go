package efs

import (
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/iam"
	"github.com/vigil-sec/vigil/internal/model/aws/kms"
)

// State holds the EFS resources of an estate.
type State struct {
	FileSystems  []*FileSystem
	AccessPoints []*AccessPoint
}

// FileSystem is an EFS file system with its policy and backup policy joined.
type FileSystem struct {
	model.Resource
	CreationToken model.String
	Encryption    Encryption
	// ThroughputMode is "bursting", "provisioned" or "elastic".
	ThroughputMode model.String
	// Policy is the file system's resource policy; it is a known empty text
	// when the file system has none, and unknown when a policy that could not
	// be attributed might apply.
	Policy iam.Document
	// BackupEnabled reports whether AWS Backup's automatic backups are on.
	BackupEnabled model.Bool
}

// HasPolicy reports whether the file system is known to have a policy.
func (f *FileSystem) HasPolicy() bool { return f.Policy.Raw.IsNot("") }

// Encryption is encryption at rest.
type Encryption struct {
	Enabled model.Bool
	// Key's ID is "" when the AWS managed key aws/elasticfilesystem is used.
	Key kms.KeyRef
}

// AccessPoint is an application entry point into a file system.
type AccessPoint struct {
	model.Resource
	FileSystemID model.String
	// RootDirectory is the path clients see as "/".
	RootDirectory model.String
	// POSIXUserSet reports whether the access point enforces a POSIX user.
	POSIXUserSet model.Bool
}
