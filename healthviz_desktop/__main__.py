from healthviz_desktop.app import main

raise SystemExit(main())
