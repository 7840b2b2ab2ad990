from poc_cli.cli import main

main()
