"""Text of the demo service pages, one module per service (see services.demo_content).

Blocks come from the one demo builder, home.demo.blocks.
"""
