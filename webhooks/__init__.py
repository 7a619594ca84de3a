"""Publish webhooks: tell front ends when public content changes, through a durable outbox."""
