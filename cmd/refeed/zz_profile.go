package main

import (
	"os"
	"runtime/pprof"
)

func init() {
	if p := os.Getenv("REFEED_PROF"); p != "" {
		f, _ := os.Create(p + "." + os.Getenv("REFEED_PROF_N"))
		pprof.StartCPUProfile(f)
		go func() {}()
		profStop = func() {
			pprof.StopCPUProfile()
			f.Close()
			hf, _ := os.Create(p + ".heap." + os.Getenv("REFEED_PROF_N"))
			pprof.Lookup("heap").WriteTo(hf, 0)
			hf.Close()
		}
	}
}

var profStop = func() {}
