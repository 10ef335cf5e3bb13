// Package apigateway holds the built-in checks on API Gateway REST APIs (v1)
// and HTTP and WebSocket APIs (v2).
package apigateway
