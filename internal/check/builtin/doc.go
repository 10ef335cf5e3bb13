// Package builtin assembles Vigil's built-in checks into one explicit list.
// Each provider service keeps its checks in its own package (builtin/aws/s3,
// ...); nothing registers itself.
package builtin
